package surveycsv

import (
	"strings"
	"testing"
	"unicode/utf16"
)

// A program or image file is called binary, not mistaken for UTF-16 text.
func TestSniffTellsUTF16FromBinary(t *testing.T) {
	var u16 []byte
	for _, r := range utf16.Encode([]rune("Contact method,Q1,Q2\nPhone,7,8\nEmail,5,9\n")) {
		u16 = append(u16, byte(r), byte(r>>8)) // little-endian, no BOM
	}
	if err := sniffEncoding(u16); err == nil || !strings.Contains(err.Error(), "UTF-16") {
		t.Errorf("UTF-16 without a BOM: %v", err)
	}
	// The start of an ELF program: zeros in no regular pattern, other controls.
	bin := []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00\x01\x00\x00\x00")
	for i := 0; i < 200; i++ {
		bin = append(bin, byte(i*7%5), 0, 0, byte(i%3), 0x10, 0x40, 0, 0x01, 0, 0, 0)
	}
	err := sniffEncoding(bin)
	if err == nil || !strings.Contains(err.Error(), "binary") {
		t.Errorf("a program file: %v", err)
	}
}
