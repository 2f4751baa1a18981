// Package cli is scrutiny's command line: the global flags, the table of
// headless commands (one file each: list.go, export.go, survey.go...) and
// the start of the workspace when no command is given.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"

	"scrutiny/store"
	"scrutiny/ui/style"
)

// command is one headless subcommand. Each command's file adds its own in
// init(), so new commands never need an edit to this file.
type command struct {
	name    string
	summary string // one line for the command list
	usage   string // the full help: synopsis, flags, examples
	run     func(ctx context.Context, a *app, args []string) error
}

var commands = map[string]*command{}

func register(c *command) {
	if _, dup := commands[c.name]; dup {
		panic("scrutiny: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

// app is what every command gets: where the database is and where to talk.
type app struct {
	db string // --db, SCRUTINY_DB or the default data-folder file
	// Options for the workspace, given before any command.
	accessible bool   // --accessible: plain line-by-line prompts
	theme      string // --theme NAME
	stdin      io.Reader
	stdout     io.Writer
	stderr     io.Writer
	getenv     func(string) string
}

// usageError marks a wrong command line: exit status 2 and the usage text.
type usageError struct {
	cmd *command // nil for the top level
	msg string
}

func (e *usageError) Error() string { return e.msg }

func usagef(c *command, format string, args ...any) error {
	return &usageError{cmd: c, msg: fmt.Sprintf(format, args...)}
}

// Main runs the command line of this process and returns its exit status.
// Ctrl-C cancels the command's context, so work in progress stops cleanly.
func Main() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
}

// run is main without the process: it returns the exit status (0 done, 1 the
// work failed, 2 the command line was wrong).
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) (code int) {
	out, errOut := newPlainWriter(stdout), newPlainWriter(stderr)
	defer func() {
		// A fault in the program must not end in a stack dump and exit 2:
		// an unfinished transaction is rolled back by SQLite, so nothing
		// half-done is kept.
		if r := recover(); r != nil {
			fmt.Fprintf(errOut, "scrutiny: stopped because of a fault in the program (%v); what it was doing was not saved. Please report the fault.\n", r)
			code = 1
		}
	}()
	stderr = errOut
	a := &app{stdin: stdin, stdout: out, stderr: errOut, getenv: getenv}
	err := a.dispatch(ctx, args)
	if err == nil {
		err = out.failed("the output")
	}
	if err == nil {
		return 0
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "scrutiny: %s\n\n", ue.msg)
		if ue.cmd != nil {
			fmt.Fprint(stderr, ue.cmd.usage)
		} else {
			fmt.Fprint(stderr, topUsage())
		}
		return 2
	}
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		fmt.Fprintln(stderr, "scrutiny: stopped before it finished; everything saved until then is kept.")
		return 1
	}
	if errors.Is(err, store.ErrDamaged) && a.db != "" {
		// The store's sentence cannot know which file it was; the
		// volunteer needs it to find the right backup.
		fmt.Fprintf(stderr, "scrutiny: %s: %s\n", a.db, err)
		return 1
	}
	fmt.Fprintf(stderr, "scrutiny: %s\n", err)
	return 1
}

func (a *app) dispatch(ctx context.Context, args []string) error {
	// Global flags come before the command; every command also accepts --db
	// after its name, so "scrutiny list --db x.db" works too.
	var dbFlag string
globals:
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
		switch {
		case args[0] == "--":
			args = args[1:]
			break globals
		case name == "help" || name == "h":
			fmt.Fprint(a.stdout, topUsage())
			return nil
		case name == "version" || name == "v":
			fmt.Fprintln(a.stdout, versionLine())
			return nil
		case name == "accessible" && !hasValue:
			a.accessible = true
		case name == "theme":
			if !hasValue {
				if len(args) < 2 {
					return usagef(nil, "--theme needs a name: dark, light, high-contrast or monochrome")
				}
				value, args = args[1], args[1:]
			}
			if !style.Known(value) {
				return usagef(nil, "there is no theme called %q: use %s", value, strings.Join(style.Names(), ", "))
			}
			a.theme = value
		case name == "db":
			if !hasValue {
				if len(args) < 2 {
					return usagef(nil, "--db needs a file name, for example --db panel.db")
				}
				value, args = args[1], args[1:]
			}
			if value == "" {
				return usagef(nil, "--db needs a file name, for example --db panel.db")
			}
			dbFlag = value
		default:
			return usagef(nil, "there is no option %s", args[0])
		}
		args = args[1:]
	}
	var err error
	if a.db, err = resolveDB(dbFlag, a.getenv); err != nil {
		return err
	}
	if len(args) == 0 {
		return runWorkspace(ctx, a)
	}
	name := args[0]
	if name == "help" {
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				fmt.Fprint(a.stdout, c.usage)
				return nil
			}
			return usagef(nil, "there is no command called %q", args[1])
		}
		fmt.Fprint(a.stdout, topUsage())
		return nil
	}
	c, ok := commands[name]
	if !ok {
		return usagef(nil, "there is no command called %q", name)
	}
	if err := c.run(ctx, a, args[1:]); err != nil && !errors.Is(err, errHelpShown) {
		return err
	}
	return nil
}

func topUsage() string {
	var b strings.Builder
	b.WriteString(`scrutiny helps a tenant scrutiny panel plan a review, gather evidence, agree
findings and recommendations, and write the report for the Board.

Usage:
  scrutiny [--db FILE]              open the workspace
  scrutiny [--db FILE] COMMAND ...  run one command and stop

Commands:
`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(&b, "  %-10s %s\n", n, commands[n].summary)
	}
	b.WriteString(`
Options:
  --db FILE      the database file (or set SCRUTINY_DB); the default is
                 ` + defaultDBHint() + `
  --accessible   plain questions and numbered menus, for screen readers
                 (also when TERM=dumb)
  --theme NAME   colours of the workspace: dark, light, high-contrast or
                 monochrome (NO_COLOR also gives monochrome)
  --version      print the version
  --help, -h     print this help; "scrutiny COMMAND --help" explains one command
`)
	return b.String()
}
