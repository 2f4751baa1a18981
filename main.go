// Command scrutiny helps a volunteer tenant scrutiny panel run a review and
// write its report, offline, on one laptop. Everything it does starts in
// ui/cli; ARCHITECTURE.md explains the layout.
package main

import (
	"os"

	"scrutiny/ui/cli"
)

func main() { os.Exit(cli.Main()) }
