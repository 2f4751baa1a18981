package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// schemaVersion is the number of the newest migration; it is written to
// PRAGMA user_version.
var schemaVersion = func() int {
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		panic(fmt.Sprintf("store: bad embedded migrations: %v", err))
	}
	return ms[len(ms)-1].version
}()

type migration struct {
	version int
	name    string // the file name after NNNN_, without .sql
	sql     string
}

// countsVersion is the schema version from which a file keeps each
// review's counts in review_counts (migration NNNN_review_counts.sql).
// It is found by name, so renumbering the migration changes nothing here.
var countsVersion = func() int {
	ms, _ := migrations()
	for _, m := range ms {
		if m.name == "review_counts" {
			return m.version
		}
	}
	panic("store: no review_counts migration")
}()

// migrations lists the embedded files NNNN_name.sql in version order.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := strings.TrimPrefix(n, "migrations/")
		num, name, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a number and _", n)
		}
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, strings.TrimSuffix(name, ".sql"), string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migrations must be numbered 1, 2, 3...; found %d at place %d", m.version, i+1)
		}
	}
	return ms, nil
}

// migrate applies every migration newer than from, each in its own
// transaction together with its user_version bump, so a crash leaves the
// file at one version or the next, never between.
func migrate(ctx context.Context, db *sql.DB, from int) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	for _, m := range ms {
		if m.version <= from {
			continue
		}
		err := func() error {
			tx, err := db.BeginTx(ctx, nil)
			if err != nil {
				return err
			}
			defer tx.Rollback()
			// Another process may have migrated while we waited for the lock.
			var cur int
			if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&cur); err != nil {
				return err
			}
			if cur >= m.version {
				return tx.Commit()
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", ApplicationID, m.version)); err != nil {
				return err
			}
			return tx.Commit()
		}()
		if err != nil {
			return wrapErr(err, fmt.Sprintf("update the file to format %d", m.version))
		}
	}
	return nil
}
