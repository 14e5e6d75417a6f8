"""Build .tml files from hand-written annotation specs.
Each spec entry: (context, type, value, extras). The context is a literal
snippet of the document with the TIMEX3 extent in [brackets]; entries are
searched in text order (each after the previous extent). Quotes are
normalised (curly -> straight) for matching only; offsets are unchanged."""
import sys, html, importlib.util, pathlib, datetime, re
SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path("/work/main/tests/data/timex_corpus_dev5")
NORM = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})

def build(specfile):
    spec = importlib.util.spec_from_file_location("s", specfile)
    m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
    docid, dct, ents = m.DOCID, m.DCT, m.ENTS
    text = (SRC / (docid + ".txt")).read_text(encoding="utf-8")
    ntext = text.translate(NORM)
    pos = 0; spans = []
    for ctx, typ, val, *ex in ents:
        extras = ex[0] if ex else {}
        a = ctx.index("["); b = ctx.index("]")
        plain = ctx[:a] + ctx[a+1:b] + ctx[b+1:]
        plain = plain.translate(NORM)
        i = ntext.find(plain, max(0, pos - a))
        while i != -1 and i + a < pos:
            i = ntext.find(plain, i + 1)
        if i == -1:
            sys.exit(f"NOT FOUND after {pos}: {ctx!r}")
        s = i + a; e = s + (b - a - 1)
        spans.append((s, e, typ, val, extras))
        pos = e
    out = []; last = 0
    for n, (s, e, typ, val, extras) in enumerate(spans, 1):
        out.append(html.escape(text[last:s], quote=False))
        attrs = f'tid="t{n}" type="{typ}" value="{val}"'
        for k in ("mod", "quant", "freq"):
            if k in extras: attrs += f' {k}="{extras[k]}"'
        rel = not (typ == "DURATION" or (typ == "SET") or re.fullmatch(r"\d{4}|\d{2,3}", val) or val.startswith("P"))
        if typ in ("DATE", "TIME") and not re.search(r"\b\d{4}\b", text[s:e]):
            attrs += ' temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0"'
        else:
            attrs += ' temporalFunction="false" functionInDocument="NONE"'
        out.append(f"<TIMEX3 {attrs}>{html.escape(text[s:e], quote=False)}</TIMEX3>")
        last = e
    out.append(html.escape(text[last:], quote=False))
    d = dct.replace("-", "")
    doc = ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
           f"<DOCID>{docid}</DOCID>\n\n"
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" functionInDocument="CREATION_TIME">{d}</TIMEX3></DCT>\n\n'
           "<TEXT>" + "".join(out) + "</TEXT>\n\n</TimeML>\n")
    (OUT / (docid + ".tml")).write_text(doc, encoding="utf-8")
    # listing for review
    D = datetime.date.fromisoformat(dct)
    for n, (s, e, typ, val, extras) in enumerate(spans, 1):
        wd = ""
        mm = re.match(r"(\d{4}-\d{2}-\d{2})", val)
        if mm:
            dd = datetime.date.fromisoformat(mm.group(1)); wd = f"{dd:%a} {(dd-D).days:+d}d"
        ctxs = text[max(0,s-35):s].replace("\n"," ") + "[" + text[s:e] + "]" + text[e:e+25].replace("\n"," ")
        print(f"t{n:<3} {typ:8} {val:22} {str(extras):28} {wd:10} ...{ctxs}")
    return spans

if __name__ == "__main__":
    for f in sys.argv[1:]:
        build(f)
