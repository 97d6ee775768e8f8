package importer

import (
	"io"

	"github.com/xuri/excelize/v2"

	"pingxin/app/i18n"
)

// templateColumns are the nomination list's columns in the template (下载模板), by
// key: the required ones first, then the result columns a meeting held on paper fills.
var templateColumns = []string{
	ColName, ColID, ColGroup, ColPhone, ColSize, ColPurpose, ColRequested,
	ColProposed, ColRate, ColFor, ColAgainst, ColAbstain, ColRecused,
	ColConclusion, ColRecommendation, ColNotes, ColVisitors,
}

// textColumns are the template columns formatted as text, so that Excel and WPS keep
// every digit of an ID and a phone number.
var textColumns = map[string]bool{ColID: true, ColPhone: true}

const templateSheet = "提名名单"

// WriteTemplate writes a blank nomination list as XLSX: a note row on how to write
// amounts and IDs, the header row with the canonical headers, and the ID and phone
// columns formatted as text for 1,000 rows, so that what the clerk types is what this
// importer reads.
func WriteTemplate(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", templateSheet); err != nil {
		return err
	}
	if err := templateNote(f); err != nil {
		return err
	}
	if err := templateHeader(f); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}

// templateNote writes the note in row 1, merged across the table.
func templateNote(f *excelize.File) error {
	last, _ := excelize.CoordinatesToCellName(len(templateColumns), 1)
	style, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Font: &excelize.Font{Color: "7F4F00"}})
	if err != nil {
		return err
	}
	for _, e := range []error{
		f.SetCellStr(templateSheet, "A1", i18n.T(i18n.Zh, "importer.template_note", nil)),
		f.MergeCell(templateSheet, "A1", last),
		f.SetCellStyle(templateSheet, "A1", last, style),
		f.SetRowHeight(templateSheet, 1, 60),
	} {
		if e != nil {
			return e
		}
	}
	return nil
}

// templateHeader writes the header in row 2 and formats the text columns below it.
func templateHeader(f *excelize.File) error {
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF7"}}})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text
	if err != nil {
		return err
	}
	for i, key := range templateColumns {
		c, _ := NomineeSchema.Column(key)
		cell, _ := excelize.CoordinatesToCellName(i+1, 2)
		col, _ := excelize.ColumnNumberToName(i + 1)
		width := 10.0
		if key == ColID || key == ColNotes {
			width = 22
		}
		errs := []error{f.SetCellStr(templateSheet, cell, c.Names[0]), f.SetCellStyle(templateSheet, cell, cell, bold),
			f.SetColWidth(templateSheet, col, col, width)}
		if textColumns[key] {
			errs = append(errs, f.SetCellStyle(templateSheet, col+"3", col+"1002", text))
		}
		for _, e := range errs {
			if e != nil {
				return e
			}
		}
	}
	return f.SetPanes(templateSheet, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
}
