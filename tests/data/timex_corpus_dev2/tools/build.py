"""Insert hand-chosen TIMEX3 annotations into the source texts.

Each annotation is written by hand as (context, type, value, extras).  The
context is a literal string copied from the text with the extent marked by
[[...]]; the script searches for it (case-sensitive, word-bounded) after the
previous annotation and inserts the tag.  It detects nothing by itself.
"""
import html, json, pathlib, re, sys
sys.path.insert(0, str(pathlib.Path(__file__).parent))
from annots import DOCS

SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path("/work/main/tests/data/timex_corpus_dev2")

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def build(doc_id, anns):
    text = (SRC / f"{doc_id}.txt").read_text(encoding="utf-8")
    dct = json.loads((SRC / f"{doc_id}.meta.json").read_text(encoding="utf-8"))["published"]
    cur = 0
    spans = []
    for ctx, typ, val, extra in anns:
        pre, rest = ctx.split("[[", 1)
        ext, post = rest.split("]]", 1)
        plain = pre + ext + post
        pos = max(0, cur - len(pre))
        while True:
            i = text.find(plain, pos)
            if i < 0:
                raise SystemExit(f"{doc_id}: not found after {cur}: {ctx!r}")
            s = i + len(pre); e = s + len(ext)
            okb = (s == 0 or not text[s-1].isalnum()) and (e == len(text) or not text[e].isalnum())
            if okb and s >= cur:
                break
            pos = i + 1
        spans.append((s, e, typ, val, extra))
        cur = e
    out = []; last = 0
    for n, (s, e, typ, val, extra) in enumerate(spans, 1):
        out.append(esc(text[last:s]))
        attrs = f'tid="t{n}" type="{typ}" value="{val}"'
        for k in ("mod", "quant", "freq"):
            if k in extra:
                attrs += f' {k}="{extra[k]}"'
        tf = extra.get("tf", typ in ("DATE", "TIME"))
        attrs += f' temporalFunction="{"true" if tf else "false"}" functionInDocument="NONE"'
        if tf:
            attrs += ' anchorTimeID="t0"'
        out.append(f"<TIMEX3 {attrs}>{esc(text[s:e])}</TIMEX3>")
        last = e
    out.append(esc(text[last:]))
    body = "".join(out)
    doc = ('<?xml version="1.0" ?>\n'
           '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
           f'<DOCID>{doc_id}</DOCID>\n\n'
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
           f'functionInDocument="CREATION_TIME">{dct.replace("-", "")}</TIMEX3></DCT>\n\n'
           f'<TEXT>{body}</TEXT>\n\n</TimeML>\n')
    (OUT / f"{doc_id}.tml").write_text(doc, encoding="utf-8")
    return spans, text

if __name__ == "__main__":
    for doc_id, anns in DOCS.items():
        spans, text = build(doc_id, anns)
        print(f"== {doc_id} ({len(spans)})")
        if "-v" in sys.argv:
            for n, (s, e, typ, val, extra) in enumerate(spans, 1):
                ctx = text[max(0, s-40):s] + "[" + text[s:e] + "]" + text[e:e+25]
                ex = {k: v for k, v in extra.items() if k != "tf"}
                print(f"  t{n:<3} {typ:8} {val:26} {ex if ex else ''}  ...{ctx.replace(chr(10), ' / ')}")
