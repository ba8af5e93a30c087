#!/usr/bin/env bash
# Has LibreOffice write tests/fixtures/documents/libreoffice-story.ar.docx, the Arabic Word document the DOCX tests
# translate: a right-to-left story (direction in the styles and section, as LibreOffice writes it) with a heading, a
# tracked insertion and deletion, bold, a footnote, a hyperlink, a right-to-left table, a text box, a content control,
# a header, and a footer with a page-number field. Needs libreoffice-writer (Debian); run again only to change it.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/libreoffice-story.ar.fodt" <<'FODT'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:styles>
  <style:default-style style:family="paragraph"><style:paragraph-properties style:writing-mode="rl-tb"/><style:text-properties style:language-complex="ar" style:country-complex="SA"/></style:default-style>
  <style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties style:writing-mode="rl-tb"/></style:style>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/></style:style>
  <style:style style:name="Tbl" style:family="table"><style:table-properties style:writing-mode="rl-tb" style:width="10cm"/></style:style>
  <style:page-layout style:name="pm1"><style:page-layout-properties style:writing-mode="rl-tb" fo:page-width="21cm" fo:page-height="29.7cm"/><style:header-style/><style:footer-style/></style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header><text:p text:style-name="Standard">وكالة الأنباء</text:p></style:header>
   <style:footer><text:p text:style-name="Standard">الصفحة <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
  <text:tracked-changes>
   <text:changed-region text:id="ct1"><text:insertion><office:change-info><dc:creator>Editor</dc:creator><dc:date>2026-11-30T10:00:00</dc:date></office:change-info></text:insertion></text:changed-region>
   <text:changed-region text:id="ct2"><text:deletion><office:change-info><dc:creator>Editor</dc:creator><dc:date>2026-11-30T10:00:00</dc:date></office:change-info><text:p>القديم </text:p></text:deletion></text:changed-region>
  </text:tracked-changes>
  <text:h text:outline-level="1">زيارة الرئيس إلى موسكو</text:h>
  <text:p text:style-name="Standard">قال الرئيس <text:change text:change-id="ct2"/><text:change-start text:change-id="ct1"/>الجديد <text:change-end text:change-id="ct1"/>إن الزيارة <text:span text:style-name="T1">مهمة</text:span>.<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>المصدر وزارة الخارجية.</text:p></text:note-body></text:note> وأضاف أن <text:a xlink:type="simple" xlink:href="https://example.org/news">المحادثات</text:a> جيدة.</text:p>
  <table:table table:name="T" table:style-name="Tbl"><table:table-column table:number-columns-repeated="2"/><table:table-row><table:table-cell><text:p>المدينة</text:p></table:table-cell><table:table-cell><text:p>دمشق</text:p></table:table-cell></table:table-row></table:table>
  <text:p text:style-name="Standard"><draw:frame draw:name="box" text:anchor-type="paragraph" svg:width="5cm" svg:height="2cm"><draw:text-box><text:p>نص في مربع</text:p></draw:text-box></draw:frame>الخبر في المربع.</text:p>
  <text:p text:style-name="Standard">المدينة: <loext:content-control>دمشق القديمة</loext:content-control>.</text:p>
 </office:text></office:body>
</office:document>
FODT
HOME="$work" soffice --headless --convert-to docx:"MS Word 2007 XML" --outdir "$work" "$work/libreoffice-story.ar.fodt" >/dev/null
cp "$work/libreoffice-story.ar.docx" "$root/tests/fixtures/documents/"
echo "wrote tests/fixtures/documents/libreoffice-story.ar.docx ($(stat -c %s "$work/libreoffice-story.ar.docx") bytes, $(soffice --version | head -1))"
