package feed

import (
	"strings"
	"testing"
)

func TestDecodeHTML(t *testing.T) {
	late := string(fixture(t, "article-taiz-windows-1256-late-meta.html", ""))
	tests := []struct {
		name        string
		body        string
		contentType string
		wantName    string
		wantText    string
	}{
		{"UTF-8 without any declaration", "<p>Sana’a café</p>", "text/html", "utf-8", "Sana’a café"},
		{"charset in the Content-Type header", "<p>Sana\x92a caf\xe9</p>", "text/html; charset=windows-1252", "windows-1252", "Sana’a café"},
		{"ISO-8859-1 label is read as Windows-1252, as browsers do", "<p>\x93quoted\x94</p>", "text/html; charset=ISO-8859-1", "windows-1252", "“quoted”"},
		{"early meta charset", "<meta charset=\"windows-1251\"><p>\xca\xe8\xe5\xe2</p>", "", "windows-1251", "Киев"},
		{"meta charset after 1024 bytes of script", late, "", "windows-1256", "مقتل أربعة مدنيين"},
		{"undeclared legacy bytes guessed as Windows-1252", "<p>caf\xe9 \x93Sana\x92a\x94</p>", "", "windows-1252", "café “Sana’a”"},
		{"UTF-16LE byte-order mark", "\xff\xfe<\x00p\x00>\x00O\x00K\x00", "text/html; charset=windows-1252", "utf-16le", "OK"},
		{"declared UTF-8 with a stray byte", "<meta charset=utf-8><p>Aden\x80 port</p>", "", "utf-8", "Aden\uFFFD port"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, name, err := decodeHTML([]byte(tt.body), tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if name != tt.wantName || !strings.Contains(string(got), tt.wantText) {
				t.Errorf("decoded as %s: %.200q; want %s containing %q", name, got, tt.wantName, tt.wantText)
			}
		})
	}
}
