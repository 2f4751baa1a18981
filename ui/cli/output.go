package cli

import (
	"flag"
	"fmt"
	"io"

	"scrutiny/store/atomicfile"
)

// outputFlag adds -o FILE (also --output FILE) to a command's flags.
func outputFlag(fs *flag.FlagSet) *string {
	out := fs.String("o", "", "output file")
	fs.StringVar(out, "output", "", "output file")
	return out
}

// emit sends a command's output to the screen, or to the file named with -o:
// written in full, synced and only then put in place, so a half-written
// report never replaces a good one.
func (a *app) emit(out string, fill func(io.Writer) error) error {
	if out == "" || out == "-" {
		return fill(a.stdout)
	}
	// Files get the same cleaning as the screen: a report or a
	// spreadsheet is read on screens too.
	if err := atomicfile.Write(out, func(w io.Writer) error { return fill(newPlainWriter(w)) }); err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "Wrote %s.\n", out)
	return nil
}
