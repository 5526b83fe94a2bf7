"""Canvas-level reportlab renderer: two justified columns, line by line, hyphenation,
fi/fl ligatures, small-caps headings, footnotes, outer-margin page numbers, an OFFICIAL
watermark page and a landscape judgments grid of coloured rectangles with rotated headers."""
from reportlab.pdfgen import canvas
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.colors import HexColor, white, black, Color

LIB = "/usr/share/fonts/truetype/liberation/"
for name, f in [("Serif", "LiberationSerif-Regular.ttf"), ("Serif-B", "LiberationSerif-Bold.ttf"),
                ("Serif-I", "LiberationSerif-Italic.ttf"), ("Serif-BI", "LiberationSerif-BoldItalic.ttf"),
                ("Sans-B", "LiberationSans-Bold.ttf"), ("Sans", "LiberationSans-Regular.ttf")]:
    pdfmetrics.registerFont(TTFont(name, LIB + f))

GCOL = {"Outstanding": HexColor("#1b5e20"), "Good": HexColor("#2e7d32"), "Adequate": HexColor("#9a6b00"),
        "Requires improvement": HexColor("#c2410c"), "Inadequate": HexColor("#8b0000")}
VOWELS = set("aeiouy")


def lig(s):
    return s.replace("fi", "\ufb01").replace("fl", "\ufb02")


def sw(s, font, size):
    return pdfmetrics.stringWidth(s, font, size)


def split_points(word):
    """Crude English hyphenation: break before a consonant that is followed by a vowel,
    keeping at least three letters on each side."""
    core = word.rstrip(".,;:")
    pts = []
    if not core.isalpha() or len(core) < 7:
        return pts
    for i in range(3, len(core) - 2):
        b, c = core[i].lower(), core[i + 1].lower()
        if b not in VOWELS and c in VOWELS and core[i - 1].lower() != "q":
            pts.append(i)
    return pts


def break_lines(words, width, font, size, hyphenate=True):
    """Greedy line breaking with simple hyphenation. Returns list of lists of word strings."""
    lines, cur, curw = [], [], 0.0
    space = sw(" ", font, size)
    words = list(words)
    i = 0
    while i < len(words):
        w = words[i]
        ww = sw(lig(w), font, size)
        add = ww if not cur else space + ww
        if curw + add <= width:
            cur.append(w)
            curw += add
            i += 1
            continue
        done = False
        if hyphenate and cur:
            for p in reversed(split_points(w)):
                pre = w[:p] + "-"
                pw = sw(lig(pre), font, size)
                if curw + space + pw <= width:
                    cur.append(pre)
                    words[i] = w[p:]
                    done = True
                    break
        if not cur:
            cur.append(w)
            i += 1
        lines.append(cur)
        cur, curw = [], 0.0
    if cur:
        lines.append(cur)
    return lines


class Doc:
    def __init__(self, path, header, watermark_page=2):
        self.c = canvas.Canvas(path, pagesize=A4)
        self.c.setTitle(header)
        self.header = header
        self.page = 0
        self.watermark_page = watermark_page
        self.fn_counter = 0
        self.portrait = True
        self.W, self.H = A4
        self.top, self.bottom = 68, 92
        self.gutter = 18
        self.fnotes = []
        self.started = False

    # page geometry
    def new_page(self, portrait=True):
        if self.started:
            self.finish_page()
        self.started = True
        self.page += 1
        self.portrait = portrait
        size = A4 if portrait else landscape(A4)
        self.c.setPageSize(size)
        self.W, self.H = size
        odd = self.page % 2 == 1
        self.inner, self.outer = (64, 52) if odd else (52, 64)
        self.left = self.inner if odd else self.outer
        self.right = self.W - (self.outer if odd else self.inner)
        self.colw = (self.right - self.left - self.gutter) / 2
        self.col = 0
        self.y = self.H - self.top
        self.fnotes = []
        if self.page == self.watermark_page:
            c = self.c
            c.saveState()
            c.setFillColor(Color(0.85, 0.85, 0.85))
            c.setFont("Sans-B", 110)
            c.translate(self.W / 2, self.H / 2)
            c.rotate(52)
            c.drawCentredString(0, -30, "OFFICIAL")
            c.restoreState()
        if self.page > 1:
            self.c.setFont("Serif-I", 8)
            self.c.setFillColor(black)
            if odd:
                self.c.drawRightString(self.right, self.H - 40, self.header)
            else:
                self.c.drawString(self.left, self.H - 40, self.header)

    def finish_page(self):
        c = self.c
        if self.fnotes:
            y = self.bottom - 14
            c.setStrokeColor(black)
            c.setLineWidth(0.4)
            c.line(self.left, self.bottom - 4, self.left + 90, self.bottom - 4)
            for n, t in self.fnotes:
                c.setFont("Serif", 5.5)
                c.drawString(self.left, y + 2.5, str(n))
                lines = break_lines(t.split(), self.right - self.left - 10, "Serif", 7, False)
                for ln in lines:
                    c.setFont("Serif", 7)
                    c.drawString(self.left + 6, y, lig(" ".join(ln)))
                    y -= 8.5
        # page number in the outer margin
        c.setFont("Sans", 8.5)
        c.setFillColor(black)
        if self.page % 2 == 1:
            c.drawRightString(self.W - 20, 40, str(self.page))
        else:
            c.drawString(20, 40, str(self.page))
        c.showPage()

    def x0(self):
        return self.left + self.col * (self.colw + self.gutter)

    def need(self, h):
        if self.y - h < self.bottom:
            if self.col == 0:
                self.col = 1
                self.y = self.H - self.top
            else:
                self.new_page(True)

    # drawing primitives
    def justified(self, text, font="Serif", size=9.6, lead=12.2, fns=None, indent=0, first=None):
        words = text.split()
        marks = []
        if fns:
            for t in fns:
                self.fn_counter += 1
                marks.append((self.fn_counter, t))
        lines = break_lines(words, self.colw - indent - (6 if marks else 0), font, size)
        for li, ln in enumerate(lines):
            self.need(lead)
            x = self.x0() + indent
            y = self.y - size
            last = li == len(lines) - 1
            c = self.c
            c.setFillColor(black)
            c.setFont(font, size)
            if first and li == 0:
                c.drawString(x - 9, y, first)
            ws = [lig(w) for w in ln]
            nat = sum(sw(w, font, size) for w in ws)
            gaps = len(ws) - 1
            space = sw(" ", font, size)
            if last or gaps == 0:
                step = space
            else:
                step = (self.colw - indent - nat) / gaps
            for w in ws:
                c.drawString(x, y, w)
                x += sw(w, font, size) + step
            if last and marks:
                for n, t in marks:
                    c.setFont(font, size * 0.6)
                    c.drawString(x - step + 1, y + size * 0.4, str(n))
                    x += 5
                    self.fnotes.append((n, t))
            self.y -= lead

    def smallcaps(self, text, font="Serif-B", size=12.5, lead=16, space_before=10, color=HexColor("#12355b")):
        # break into lines using small-caps widths
        def wwidth(w):
            return sum(sw(ch.upper(), font, size * (0.78 if ch.islower() else 1)) for ch in w)
        words = text.split()
        lines, cur, cw = [], [], 0
        spc = sw(" ", font, size)
        for w in words:
            add = wwidth(w) + (spc if cur else 0)
            if cw + add > self.colw and cur:
                lines.append(cur)
                cur, cw = [w], wwidth(w)
            else:
                cur.append(w)
                cw += add
        if cur:
            lines.append(cur)
        self.need(space_before + lead * len(lines) + 30)
        self.y -= space_before
        c = self.c
        c.setFillColor(color)
        for ln in lines:
            x = self.x0()
            y = self.y - size
            for wi, w in enumerate(ln):
                for ch in w:
                    s = size * (0.78 if ch.islower() else 1)
                    c.setFont(font, s)
                    c.drawString(x, y, ch.upper())
                    x += sw(ch.upper(), font, s)
                x += spc
            self.y -= lead
        c.setFillColor(black)
        self.y -= 2

    def plain(self, text, font, size, lead, color=black, space_before=0, keep=0):
        lines = break_lines(text.split(), self.colw, font, size, False)
        self.need(space_before + lead * len(lines) + keep)
        self.y -= space_before
        for ln in lines:
            self.need(lead)
            self.c.setFont(font, size)
            self.c.setFillColor(color)
            self.c.drawString(self.x0(), self.y - size, lig(" ".join(ln)))
            self.y -= lead
        self.c.setFillColor(black)

    def grade_line(self, g):
        self.need(40)
        self.y -= 3
        c = self.c
        c.setFillColor(GCOL[g])
        c.setFont("Sans-B", 11)
        c.drawString(self.x0(), self.y - 11, g)
        c.setFillColor(black)
        self.y -= 19

    def facts(self, title, rows):
        h = 18 + 12 * len(rows) + 8
        self.need(h + 8)
        c = self.c
        x = self.x0()
        c.setFillColor(HexColor("#e8eef5"))
        c.rect(x, self.y - h, self.colw, h, stroke=0, fill=1)
        c.setFillColor(HexColor("#12355b"))
        c.setFont("Sans-B", 9)
        c.drawString(x + 6, self.y - 13, title)
        y = self.y - 28
        for k, v in rows:
            c.setFont("Sans", 7.8)
            c.setFillColor(black)
            c.drawString(x + 6, y, k)
            c.drawRightString(x + self.colw - 6, y, v)
            y -= 12
        self.y -= h + 8

    def badge_rows(self, caption, rows):
        self.plain(caption, "Sans-B", 8.5, 11, space_before=4, keep=15)
        c = self.c
        for label, g in rows:
            self.need(15)
            x = self.x0()
            c.setFont("Serif", 8.6)
            c.setFillColor(black)
            c.drawString(x, self.y - 9, label[:48])
            bw = sw(g, "Sans-B", 7) + 8
            c.setFillColor(GCOL[g])
            c.roundRect(x + self.colw - bw, self.y - 12, bw, 11, 3, stroke=0, fill=1)
            c.setFillColor(white)
            c.setFont("Sans-B", 7)
            c.drawString(x + self.colw - bw + 4, self.y - 9, g)
            self.y -= 14
        c.setFillColor(black)
        self.y -= 4

    def bullets(self, items):
        for it in items:
            self.justified(it, indent=10, first="•")

    def grid_page(self, grid):
        self.new_page(False)
        c = self.c
        c.setFont("Sans-B", 15)
        c.setFillColor(HexColor("#12355b"))
        c.drawString(self.left, self.H - 70, grid["title"])
        scale = grid["scale"]
        n = len(scale)
        gx0, gx1 = self.left, self.right
        cw = (gx1 - gx0) / n
        top = self.H - 95
        hh = 110  # header band for rotated labels
        for i, g in enumerate(scale):
            x = gx0 + i * cw
            c.setFillColor(HexColor("#f2f2f2"))
            c.rect(x + 2, top - hh, cw - 4, hh, stroke=0, fill=1)
            c.saveState()
            c.translate(x + cw / 2 + 4, top - hh + 8)
            c.rotate(90)
            c.setFillColor(GCOL[g])
            c.setFont("Sans-B", 12)
            c.drawString(0, 0, g)
            c.restoreState()
        ys = {g: top - hh - 8 for g in scale}
        for label, g in grid["cells"]:
            i = scale.index(g)
            x = gx0 + i * cw
            lines = break_lines(label.split(), cw - 20, "Sans-B", 10, False)
            bh = 14 * len(lines) + 12
            y = ys[g]
            c.setFillColor(GCOL[g])
            c.rect(x + 4, y - bh, cw - 8, bh, stroke=0, fill=1)
            c.setFillColor(white)
            c.setFont("Sans-B", 10)
            ty = y - 16
            for ln in lines:
                c.drawCentredString(x + cw / 2, ty, " ".join(ln))
                ty -= 14
            ys[g] = y - bh - 6
        c.setFillColor(black)
        self.new_page(True)

    def title_page(self, lines, sub):
        c = self.c
        c.setFillColor(HexColor("#12355b"))
        c.rect(0, self.H - 300, self.W, 300, stroke=0, fill=1)
        c.setFillColor(white)
        y = self.H - 120
        for i, t in enumerate(lines):
            size = 26 if i == 0 else 15
            c.setFont("Sans-B" if i != 1 else "Sans", size)
            c.drawString(self.left, y, t)
            y -= size + 16
        c.setFillColor(black)
        c.setFont("Serif", 11)
        yy = self.H - 360
        for s in sub:
            c.drawString(self.left, yy, s)
            yy -= 16
        self.new_page(True)


def render(blocks, path, header, cover_sub, watermark_page=4):
    d = Doc(path, header, watermark_page)
    d.new_page(True)
    for b in blocks:
        k = b[0]
        if k == "title":
            d.title_page(b[1], cover_sub)
        elif k == "h1":
            d.smallcaps(b[1])
        elif k == "h2":
            d.smallcaps(b[1], font="Serif-B", size=10.5, lead=13, space_before=6, color=HexColor("#1f4e79"))
        elif k == "h3":
            d.plain(b[1], "Serif-BI", 9.6, 12, space_before=4, keep=24)
        elif k == "grade":
            d.grade_line(b[1])
        elif k == "p":
            d.justified(b[1], fns=b[2])
            d.y -= 4
        elif k == "ul":
            d.bullets(b[1])
            d.y -= 4
        elif k == "facts":
            d.facts(b[1], b[2])
        elif k in ("badge_table", "prev_table"):
            d.badge_rows(b[1], b[2])
        elif k == "grid":
            d.grid_page(b[1])
        elif k == "small":
            d.plain(b[1], "Serif-I", 8.6, 11)
        elif k == "pagebreak":
            d.new_page(True)
    d.finish_page()
    d.c.save()
    return d.page
