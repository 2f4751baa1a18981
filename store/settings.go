package store

import (
	"context"
	"database/sql"
)

// Setting returns a small preference, or "" when it was never set.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.read(ctx, "read a setting", func(tx *wtx) error {
		err := tx.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&v)
		if err == sql.ErrNoRows {
			return nil
		}
		return err
	})
	return v, err
}

// SetSetting stores a small preference (theme, last review...).
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.write(ctx, "save the setting", func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value)
		return err
	})
}
