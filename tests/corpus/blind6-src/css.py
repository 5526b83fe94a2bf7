BASE = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; }
h1 { font-size: 17pt; color: var(--acc); margin: 18px 0 8px; break-after: avoid; }
h2 { font-size: 13pt; color: var(--acc); margin: 14px 0 6px; break-after: avoid; }
h3 { font-size: 11pt; margin: 10px 0 4px; break-after: avoid; }
p { margin: 0 0 8px; }
.pb { break-after: page; }
.cover { height: 225mm; break-after: page; display: flex; flex-direction: column; justify-content: center; }
.cover .big { font-size: 30pt; font-weight: bold; color: var(--acc); margin-bottom: 14px; }
.cover .mid { font-size: 17pt; margin-bottom: 10px; }
.cover .small { font-size: 11pt; color: #555; margin-top: 30px; }
.toc { break-after: page; }
.tocl { list-style: none; padding: 0; }
.tocl .t0 { font-weight: bold; margin-top: 4px; }
.tocl .t1 { margin-left: 18px; }
.gradeline { display: inline-block; font-weight: bold; font-size: 12.5pt; color: #fff; background: var(--acc); padding: 3px 10px; }
.twocol { column-count: 2; column-gap: 9mm; }
.twocol h1 { column-span: all; }
.sig p { font-weight: bold; margin: 2px 0; }
.note { border: 1px solid var(--acc); background: #f4f4f4; padding: 8px 10px; margin: 8px 0; }
table.grid { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 8px 0 12px; font-size: 9.5pt; }
table.grid th, table.grid td { border: 1px solid #777; padding: 5px; vertical-align: top; }
table.grid th { background: #e6e6e6; }
.boxes { display: flex; gap: 6px; margin: 10px 0 14px; }
.box { flex: 1; background: #f5f5f5; padding: 6px; min-height: 120px; font-size: 9.5pt; }
.boxh { font-weight: bold; margin-bottom: 6px; }
.boxi { background: #fff; margin: 4px 0; padding: 4px; border: 1px solid #ccc; }
ul.gl { margin: 8px 0 12px; }
table.pairs { border-collapse: collapse; margin: 8px 0 12px; }
table.pairs td { padding: 4px 12px 4px 0; border-bottom: 1px solid #ddd; }
.chip { color: #fff; padding: 2px 8px; border-radius: 8px; font-size: 9.5pt; font-weight: bold; }
.runhead { position: fixed; top: -12mm; left: 0; right: 0; font-size: 8pt; color: #666; border-bottom: 0.5px solid #999; }
.runfoot { position: fixed; bottom: -12mm; left: 0; right: 0; font-size: 8pt; color: #666; }
"""

V1 = ":root{--acc:#003a70;} @page { size: A4; margin: 22mm 20mm 22mm 20mm; @bottom-right { content: counter(page); font-size: 8pt; } }" + BASE
V2 = (":root{--acc:#6a1b4d;} @page { size: A4; margin: 24mm 18mm; @top-left { content: 'PEEL 2023–2025 | Police effectiveness, efficiency and legitimacy'; font-size: 8pt; color:#555 } "
      "@bottom-center { content: 'Page ' counter(page) ' of ' counter(pages); font-size: 8pt; } } @page:first { @top-left { content: none } @bottom-center { content: none } }"
      + BASE + " body { font-family: 'DejaVu Serif', Georgia, serif; }")
V3 = ":root{--acc:#00573f;} @page { size: A4; margin: 25mm 20mm 25mm 20mm; }" + BASE
V4 = (":root{--acc:#8a4b08;} @page { size: A4; margin: 20mm 22mm; @bottom-left { content: 'HMIC | Police effectiveness 2016'; font-size: 8pt; } "
      "@bottom-right { content: counter(page); font-size: 8pt; } }" + BASE + " body { font-size: 10pt; }")
