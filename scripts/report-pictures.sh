#!/usr/bin/env bash
# Makes the report and dashboard pictures of the README: a month of sample appeals is registered and worked through by the
# ReportPicturesTest (embedded PostgreSQL, fake Telegram), which writes the chart image and the workbook; LibreOffice
# (headless) prints the workbook's summary sheet to PDF and pdftoppm turns its first page into a PNG.
# Needs: a JDK and Maven; LibreOffice Calc and poppler-utils (Debian: apt-get install libreoffice-calc poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
run() { if [ "$(id -u)" = 0 ]; then unshare -U "$@"; else "$@"; fi; }
run mvn -B -q -Ppictures test -Dtest=ReportPicturesTest -Dsurefire.failIfNoSpecifiedTests=false
out=target/report-pictures
mkdir -p docs/images
cp "$out/report-chart.png" docs/images/report-chart.png
soffice --headless --norestore --convert-to pdf --outdir "$out" "$out/report.xlsx" >/dev/null
pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$out/report.pdf" docs/images/report-workbook
echo "written: docs/images/report-chart.png docs/images/report-workbook.png"
# the dashboard over the same month (headless Chromium: apt-get install chromium chromium-driver)
for view in table appeal charts phone; do
  if [ -f "$out/dashboard-$view.png" ]; then
    cp "$out/dashboard-$view.png" "docs/images/dashboard-$view.png"
    echo "written: docs/images/dashboard-$view.png"
  fi
done
