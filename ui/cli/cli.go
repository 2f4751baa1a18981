package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"

	"scrutiny/store"
)

// version is set at release time with -ldflags "-X main.version=1.2.3".
var version = "dev"

func versionLine() string {
	v := version
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " (" + s.Value[:12] + ")"
			}
		}
	}
	return fmt.Sprintf("scrutiny %s, %s, %s/%s", v, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// newFlags returns a flag set for c that also accepts --db, so the database
// can be named before or after the command.
func (a *app) newFlags(c *command) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // we print our own usage, once
	fs.Func("db", "the database file", func(v string) error {
		if v == "" {
			return errors.New("needs a file name")
		}
		a.db = v
		return nil
	})
	return fs
}

// parse reads flags and positional arguments in any order ("import x.json
// --db y.db" works as well as "import --db y.db x.json"). It returns
// errHelpShown after printing the help for --help.
func (a *app) parse(c *command, fs *flag.FlagSet, args []string) ([]string, error) {
	// A "--" ends the flags: everything after it is positional.
	var rest []string
	if i := slices.Index(args, "--"); i >= 0 {
		args, rest = args[:i], args[i+1:]
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(a.stdout, c.usage)
				return nil, errHelpShown
			}
			return nil, usagef(c, "%s", plainFlagError(err))
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(pos, rest...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parseNoArgs is parse for a command that takes flags only.
func (a *app) parseNoArgs(c *command, fs *flag.FlagSet, args []string) error {
	pos, err := a.parse(c, fs, args)
	if err == nil && len(pos) > 0 {
		err = usagef(c, "%s takes no arguments, but was given %q", c.name, pos[0])
	}
	return err
}

// errHelpShown stops a command after it printed its help: exit status 0.
var errHelpShown = errors.New("help shown")

// plainFlagError rewrites the flag package's messages in plainer words.
func plainFlagError(err error) string {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return "there is no option " + rest
	}
	if rest, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return rest + " needs a value"
	}
	return msg
}

// openStore opens the database for a headless command. Commands that only
// read pass readOnly; they refuse a missing file instead of creating one.
func (a *app) openStore(readOnly bool) (*store.Store, error) {
	if readOnly {
		if _, err := os.Stat(a.db); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("there is no database at %s yet; run scrutiny demo to load the example review, "+
				"or give another file with --db", a.db)
		}
	}
	return store.Open(a.db, store.Options{ReadOnly: readOnly})
}

// openEditor opens the database for changing it. When another copy is
// editing the file it opens it for reading only and says so on notice,
// rather than refusing: a second window may look but not change anything.
func (a *app) openEditor(notice io.Writer) (*store.Store, error) {
	st, err := store.Open(a.db, store.Options{Editor: true})
	if errors.Is(err, store.ErrLocked) {
		fmt.Fprintln(notice, "Another copy of scrutiny is editing this file, so this one opens it for reading only.")
		st, err = store.Open(a.db, store.Options{ReadOnly: true})
	}
	return st, err
}

// closeStore closes s and keeps the first error: a failed close can mean
// the last change did not reach the disk.
func closeStore(s *store.Store, err *error) {
	if cerr := s.Close(); cerr != nil && *err == nil {
		*err = fmt.Errorf("closing %s: %w", s.Path(), cerr)
	}
}

// notFound turns the store's ErrNotFound for a review ID into a sentence.
func notFound(err error, id string) error {
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no review has the ID %q; run scrutiny list to see them", id)
	}
	return err
}
