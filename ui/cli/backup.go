package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

func init() {
	register(&command{
		name:    "backup",
		summary: "save a complete copy of the database to a file or folder",
		usage: `Usage: scrutiny backup [--db FILE] DEST

Writes a consistent copy of the whole database to DEST, safe to take while
the workspace is open. DEST may be a new file name, or a folder (for example
a USB stick), in which case the copy is named after today's date and time.
An existing file is never overwritten.

Examples:
  scrutiny backup panel-2019-05-02.db
  scrutiny backup /media/usb
`,
		run: runBackup,
	})
}

func runBackup(ctx context.Context, a *app, args []string) (err error) {
	c := commands["backup"]
	pos, err := a.parse(c, a.newFlags(c), args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef(c, "backup needs one place to write the copy, for example: scrutiny backup copy.db")
	}
	dest := pos[0]
	if fi, serr := os.Stat(dest); serr == nil {
		if !fi.IsDir() {
			return fmt.Errorf("%s already exists; choose a new file name so no earlier copy is overwritten", dest)
		}
		dest = filepath.Join(dest, "scrutiny-"+time.Now().Format("2006-01-02-150405")+".db")
	}
	st, err := a.openStore(true)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	if err := st.Backup(ctx, dest); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Saved a copy of %s to %s.\n", st.Path(), dest)
	return nil
}
