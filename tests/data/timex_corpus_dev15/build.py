# Builds the .tml files from hand-written annotation lists (line, phrase, occurrence, type, value, extras).
# The script only places tags where the annotator said; it detects nothing itself.
import html, json, pathlib, sys, importlib.util
SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path("/work/main/tests/data/timex_corpus_dev15")
spec = importlib.util.spec_from_file_location("ann", OUT / "annotations.py")
ann = importlib.util.module_from_spec(spec); spec.loader.exec_module(ann)
ABS = {"absolute"}
for docid, items in ann.DOCS.items():
    text = (SRC / f"{docid}.txt").read_text(encoding="utf-8")
    dct = json.loads((SRC / f"{docid}.meta.json").read_text())["published"]
    lines = text.split("\n")
    starts = []; pos = 0
    for l in lines:
        starts.append(pos); pos += len(l) + 1
    spans = []
    for it in items:
        ln, phrase, occ, typ, val = it[:5]
        extra = it[5] if len(it) > 5 else {}
        line = lines[ln - 1]
        i = -1
        for _ in range(occ):
            i = line.find(phrase, i + 1)
            if i < 0:
                sys.exit(f"NOT FOUND {docid} line {ln} {phrase!r} occ {occ}")
        s = starts[ln - 1] + i
        if (i > 0 and line[i-1].isalnum()) or (i+len(phrase) < len(line) and line[i+len(phrase)].isalnum()):
            sys.exit(f"INSIDE WORD {docid} line {ln} {phrase!r} occ {occ}: {line[max(0,i-10):i+len(phrase)+10]!r}")
        spans.append((s, s + len(phrase), typ, val, dict(extra)))
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        if a[1] > b[0]:
            sys.exit(f"OVERLAP {docid} {a} {b}")
    out = []; last = 0
    for n, (s, e, typ, val, extra) in enumerate(spans, 1):
        out.append(html.escape(text[last:s], quote=False))
        tf = extra.pop("tf", None)
        if tf is None:
            tf = typ in ("DATE", "TIME") and not extra.pop("abs", False)
        else:
            extra.pop("abs", None)
        attrs = f'tid="t{n}" type="{typ}" value="{val}"'
        for k in ("mod", "quant", "freq"):
            if k in extra:
                attrs += f' {k}="{extra[k]}"'
        attrs += f' temporalFunction="{"true" if tf else "false"}" functionInDocument="NONE"'
        if tf:
            attrs += ' anchorTimeID="t0"'
        out.append(f"<TIMEX3 {attrs}>{html.escape(text[s:e], quote=False)}</TIMEX3>")
        last = e
    out.append(html.escape(text[last:], quote=False))
    body = "".join(out)
    doc = ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
           f'<DOCID>{docid}</DOCID>\n\n'
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" functionInDocument="CREATION_TIME">{dct.replace("-","")}</TIMEX3></DCT>\n\n'
           f'<TEXT>{body}</TEXT>\n\n</TimeML>\n')
    (OUT / f"{docid}.tml").write_text(doc, encoding="utf-8")
    print(docid, len(spans))
