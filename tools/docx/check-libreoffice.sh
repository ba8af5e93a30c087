#!/usr/bin/env bash
# Opens a DOCX translated by Tarjama in LibreOffice: LibreOffice makes a Word document from an Arabic HTML page
# (headings, bold, a link, a table), ./tarjama translates it with the tiny fixture model, and LibreOffice converts the
# result to PDF. Fails when any step fails or the PDF is missing. Needs libreoffice-writer (Debian).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/story.html" <<'HTML'
<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"></head><body>
<h1>زيارة الرئيس إلى موسكو</h1>
<p>قال الرئيس إن الزيارة <b>مهمة</b>. وأضاف أن <a href="https://example.org/news">المحادثات</a> جيدة.</p>
<table><tr><td>المدينة</td><td>دمشق</td></tr></table>
</body></html>
HTML
soffice --headless --convert-to docx:"MS Word 2007 XML" --outdir "$work" "$work/story.html" >/dev/null
"$root/tarjama" translate -m "$root/tests/fixtures/models/tiny-ar-en" --max-new-tokens 16 -i "$work/story.docx" -o "$work/story.en.docx"
soffice --headless --convert-to pdf --outdir "$work" "$work/story.en.docx" >/dev/null
test -s "$work/story.en.pdf"
echo "ok: $(stat -c %s "$work/story.en.docx") byte DOCX translated, opened by LibreOffice, $(stat -c %s "$work/story.en.pdf") byte PDF"
