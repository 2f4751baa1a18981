package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"modernc.org/sqlite" // also registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// ApplicationID is written to every scrutiny database (PRAGMA
// application_id) so a file made by another program is never adopted. It
// spells "SCRT" in ASCII.
const ApplicationID = 0x53435254

// readableFrom is the oldest schema version this build can read without
// migrating it first (read-only opens cannot migrate). Raise it when a
// migration changes tables or columns rather than only indexes.
const readableFrom = 1

// Sentinel reasons for refusing a file; the error returned by Open wraps one
// of them and names the file.
var (
	ErrNotScrutiny  = errors.New("not a scrutiny database")
	ErrEmptyFile    = errors.New("the file is empty")
	ErrNewerVersion = errors.New("written by a newer version of scrutiny")
)

// refusal is the error for a file Open will not touch.
type refusal struct {
	path   string
	reason string
	kind   error
}

func (e *refusal) Error() string {
	return fmt.Sprintf("Cannot open %q: %s", e.path, e.reason)
}
func (e *refusal) Unwrap() error { return e.kind }

// sqliteMagic starts every SQLite 3 database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// checkHeader reads the 100-byte database header with plain file I/O, so a
// file that is not ours is judged before SQLite can write a journal, a WAL
// or change a byte of it. It returns the schema version in the header.
func checkHeader(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, openFileError(path, err)
	}
	defer f.Close()
	var h [100]byte
	n, err := io.ReadFull(f, h[:])
	switch {
	case n == 0 && (err == io.EOF || err == nil):
		return 0, &refusal{path, "the file is empty (zero bytes), so it is not a scrutiny database. It was left as it is: choose another file, or delete this one to start afresh.", ErrEmptyFile}
	case err != nil && err != io.ErrUnexpectedEOF:
		return 0, openFileError(path, err)
	case n < len(h) || !bytes.Equal(h[:16], sqliteMagic):
		return 0, &refusal{path, "this is not a scrutiny database (it is not a database file at all). It was left as it is.", ErrNotScrutiny}
	}
	if id := binary.BigEndian.Uint32(h[68:72]); id != ApplicationID {
		return 0, &refusal{path, "this database belongs to another program, not scrutiny. It was left as it is.", ErrNotScrutiny}
	}
	v := int(int32(binary.BigEndian.Uint32(h[60:64])))
	if v > schemaVersion {
		return v, newerRefusal(path, v)
	}
	return v, nil
}

func newerRefusal(path string, v int) error {
	return &refusal{path, fmt.Sprintf("it was written by a newer version of scrutiny (file format %d; this copy understands up to %d). Install the newer version to open it. The file was left as it is.", v, schemaVersion), ErrNewerVersion}
}

func openFileError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return &plainError{msg: fmt.Sprintf("Cannot open %q: you are not allowed to read it.", path), cause: []error{err}}
	case errors.Is(err, fs.ErrNotExist):
		return &plainError{msg: fmt.Sprintf("Cannot open %q: there is no such file.", path), cause: []error{ErrNotFound, err}}
	}
	return &plainError{msg: fmt.Sprintf("Cannot open %q: %v", path, err), cause: []error{err}}
}

// connMode is how a connection opens the file.
type connMode int

const (
	connWrite connMode = iota
	// connQueryOnly reads a file this user could write: a read-write
	// connection that SQLite stops from changing anything. Unlike a
	// read-only one, it can remove the -wal and -shm files it made when it
	// closes, so `list` or `export` leaves nothing beside the database.
	connQueryOnly
	connReadOnly
	// connImmutable reads a file nobody can be writing (it is not
	// writable and has no -wal), taking no locks and making no files.
	connImmutable
)

// dsn builds the one connection string every connection uses, so each
// pooled connection gets every pragma.
func dsn(path string, mode connMode) string {
	u := uriPath(path)
	switch mode {
	case connQueryOnly:
		return "file:" + u + "?_pragma=busy_timeout(5000)&_pragma=query_only(1)&_pragma=foreign_keys(1)"
	case connReadOnly, connImmutable:
		// No journal_mode or synchronous: changing them would write.
		q := "?_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&mode=ro"
		if mode == connImmutable {
			q += "&immutable=1"
		}
		return "file:" + u + q
	}
	q := "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=foreign_keys(1)"
	if runtime.GOOS == "darwin" {
		// macOS fsync does not reach the platter without F_FULLFSYNC.
		q += "&_pragma=fullfsync(1)"
	}
	return "file:" + u + q + "&_txlock=immediate"
}

// uriPath turns a file path into the path part of an SQLite URI.
func uriPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	p := filepath.ToSlash(path)
	switch {
	case strings.HasPrefix(p, "//"):
		// A network share (\\server\share\...): an empty URI authority
		// keeps "server" from being read as one.
		p = "//" + p
	case runtime.GOOS == "windows" && !strings.HasPrefix(p, "/"):
		// "C:/..." becomes "/C:/...", which SQLite reads back as C:.
		p = "/" + p
	}
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return r.Replace(p)
}

// Open opens or creates the database at path (creating its folder). It
// refuses, without changing a byte, a file that is not a scrutiny database,
// a zero-byte file, or one written by a newer version; the error names the
// file and the reason in plain English. A file the user cannot write, or
// one in a folder the user cannot write, opens read-only (ReadOnly()
// reports it). When another copy of the app is already editing the file,
// Open returns an error wrapping ErrLocked unless opts.ReadOnly is set.
// Only an Editor open takes or checks that lock: an OS lock on PATH.lock,
// a small file left beside the database, released by the OS when the
// process ends however it ends.
func Open(path string, opts Options) (*Store, error) {
	if path == "" {
		return nil, &plainError{msg: "No database file was given."}
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && !opts.ReadOnly:
		if err := create(path); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, openFileError(path, err)
	case st.IsDir():
		return nil, &plainError{msg: fmt.Sprintf("Cannot open %q: it is a folder, not a file.", path)}
	}
	if _, err := checkHeader(path); err != nil {
		return nil, err
	}

	s := &Store{path: path, readOnly: opts.ReadOnly, editor: opts.Editor}
	if !s.readOnly {
		s.whyReadOnly = cannotChange(path)
		s.readOnly = s.whyReadOnly != ""
	}
	if !s.readOnly && opts.Editor {
		// The lock is named after the file itself, its symbolic links
		// resolved, so a second editor that came by another name meets
		// the same lock.
		unlock, err := lockFile(realPath(path) + ".lock")
		switch {
		case errors.Is(err, fs.ErrPermission):
			// A folder we may not write: SQLite could not write its
			// journal there either, so this copy can only read.
			s.readOnly = true
			s.whyReadOnly = "you are not allowed to change files in its folder"
		case errors.Is(err, ErrLocked):
			return nil, err
		case err != nil:
			// Some network and removable drives have no file locks. The
			// editing lock only guards against a second window: SQLite's
			// own locking still keeps the file whole, so carry on.
		default:
			s.unlock = unlock
		}
	}
	if err := s.openDB(); err != nil {
		s.release()
		return nil, wrapErr(err, "open the file")
	}
	return s, nil
}

// openDB connects and brings the schema up to date. A file that turns out
// not to be writable after all (a writable file in a folder we may not
// write, where SQLite cannot make its journal) is opened to read instead.
func (s *Store) openDB() error {
	if !s.readOnly {
		err := s.openAs(connWrite)
		if err == nil || !cannotWrite(err) {
			return err
		}
		s.readOnly = true
		s.whyReadOnly = "the disk or folder it is on does not allow changes"
		s.release()
	}
	if cannotChange(s.path) == "" {
		if err := s.openAs(connQueryOnly); err == nil || !cannotWrite(err) {
			return err
		}
	}
	if _, err := os.Stat(s.path + "-wal"); errors.Is(err, fs.ErrNotExist) {
		// Not writable and no journal: nobody is writing it, so it is
		// read without locks and without making files beside it.
		if err := s.openAs(connImmutable); err == nil {
			return nil
		}
	}
	err := s.openAs(connReadOnly)
	var r *refusal
	if err != nil && !errors.As(err, &r) {
		// A read-only WAL file in a folder we cannot write has no
		// shared-memory file to coordinate through; nobody can be writing
		// it, so it is read as immutable.
		if err2 := s.openAs(connImmutable); err2 == nil {
			return nil
		}
	}
	return err
}

// cannotWrite reports an SQLite failure to open or write the file because
// of permissions rather than damage.
func cannotWrite(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM:
		return true
	}
	return false
}

// openAs connects one way, checks the file is ours and migrates it when
// it may. On failure nothing is left open.
func (s *Store) openAs(mode connMode) error {
	ctx := context.Background()
	readOnly := mode != connWrite
	d := dsn(s.path, mode)
	if s.editor && mode == connWrite {
		// The workspace must say within two seconds that the file is
		// busy, and keeps the typing to try again (ui/busy.go); headless
		// commands wait the full five seconds, twice.
		d = strings.Replace(d, "busy_timeout(5000)", "busy_timeout(1000)", 1)
	}
	db, err := s.connect(d)
	if err != nil {
		return err
	}
	s.db = db
	if err := s.checkAndMigrate(ctx, readOnly); err != nil {
		db.Close()
		s.db = nil
		return err
	}
	return nil
}

func (s *Store) checkAndMigrate(ctx context.Context, readOnly bool) error {
	var app, version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
		return err
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if app != ApplicationID {
		return &refusal{s.path, "this database belongs to another program, not scrutiny.", ErrNotScrutiny}
	}
	if version > schemaVersion {
		return newerRefusal(s.path, version)
	}
	if version < schemaVersion {
		if readOnly && version >= readableFrom {
			// Older, but every query of this version still works on it;
			// the list counts the items itself before review_counts.
			s.countsStored = version >= countsVersion
			return nil
		}
		if readOnly {
			return &plainError{msg: fmt.Sprintf("Cannot open %q for reading only: it was written by an older version of scrutiny and must be opened for editing once to update it.", s.path)}
		}
		if err := migrate(ctx, s.db, version); err != nil {
			return err
		}
	}
	s.countsStored = true
	return nil
}

func (s *Store) connect(d string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", d)
	if err != nil {
		return nil, wrapErr(err, "open the file")
	}
	// One connection: SQLite allows one writer at a time anyway, and a
	// single connection makes PRAGMA data_version and our own commit
	// counter describe the same connection.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if err := db.PingContext(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// cannotChange says why this copy must not write path, or "" when it
// may. Opening for writing without truncating changes nothing on disk.
func cannotChange(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return "it could not be looked at (" + err.Error() + ")"
	}
	if fi.Mode().Perm()&0o222 == 0 {
		// Someone marked it read-only. The administrator (root) could
		// write it anyway; that is not what marking it meant.
		return "the file is marked read-only"
	}
	if linkCount(fi) > 1 {
		// SQLite finds a database's journal by its name: two names for
		// one file give two journals, and writes through both damage it.
		return "the file has more than one name (a hard link); SQLite cannot keep such a file safe while writing, so make a copy with scrutiny backup and open that"
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return "you are not allowed to change this file"
	}
	f.Close()
	return ""
}

// realPath is path with its symbolic links resolved; path itself when
// they cannot be.
func realPath(path string) string {
	if r, err := filepath.EvalSymlinks(path); err == nil {
		return r
	}
	return path
}

// create makes a new database under a temporary name in the same folder
// and links it into place only once its header, application_id and schema
// are on disk, so a crash mid-creation never leaves a half-made file at
// path. The temporary copy uses a rollback journal so the header is in the
// main file itself rather than in a WAL.
func create(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &plainError{msg: fmt.Sprintf("Cannot create the folder %q: %v", dir, err), cause: []error{err}}
	}
	var rnd [6]byte
	rand.Read(rnd[:])
	tmp := filepath.Join(dir, "."+filepath.Base(path)+".new-"+hex.EncodeToString(rnd[:]))
	defer os.Remove(tmp)
	defer os.Remove(tmp + "-journal")

	q := "?_pragma=busy_timeout(5000)&_pragma=journal_mode(DELETE)&_pragma=synchronous(FULL)&_pragma=foreign_keys(1)"
	if runtime.GOOS == "darwin" {
		q += "&_pragma=fullfsync(1)"
	}
	db, err := sql.Open("sqlite", "file:"+uriPath(tmp)+q+"&_txlock=immediate")
	if err != nil {
		return wrapErr(err, "create the file")
	}
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	err = migrate(ctx, db, 0)
	if cerr := db.Close(); err == nil && cerr != nil {
		err = wrapErr(cerr, "create the file")
	}
	if err != nil {
		return err
	}
	if err := syncFile(tmp); err != nil {
		return err
	}
	// Link refuses to replace a file another process created meanwhile.
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil
		}
		// Some file systems (FAT on USB sticks) have no hard links.
		if _, serr := os.Stat(path); serr == nil {
			return nil
		}
		if err := os.Rename(tmp, path); err != nil {
			return &plainError{msg: fmt.Sprintf("Cannot create %q: %v", path, err), cause: []error{err}}
		}
	}
	syncDir(dir)
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return &plainError{msg: fmt.Sprintf("Cannot write %q: %v", path, err), cause: []error{err}}
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return &plainError{msg: fmt.Sprintf("Cannot write %q to disk: %v", path, err), cause: []error{err}}
	}
	return nil
}

// syncDir makes a rename or link durable; not possible (nor needed) on
// Windows, so errors are ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Close closes the file and releases the editing lock.
func (s *Store) Close() error {
	if s == nil {
		return nil
	}
	var err error
	s.mu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	s.mu.Unlock()
	// The handle stays (closed): a write still on its way in another
	// goroutine then gets an error from it instead of a nil pointer.
	if s.db != nil && !s.shut.Swap(true) {
		err = s.db.Close()
	}
	s.release()
	return wrapErr(err, "close the file")
}

// closed reports whether s cannot be used: never opened, or closed.
func (s *Store) closed() bool { return s == nil || s.db == nil || s.shut.Load() }

func (s *Store) release() {
	if s.unlock != nil {
		s.unlock()
		s.unlock = nil
	}
}
