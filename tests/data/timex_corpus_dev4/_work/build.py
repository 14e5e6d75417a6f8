# Build a .tml file from a hand-written spec: each spec line is
#   LINE|text|nth|TYPE|VALUE|extra (k=v;k=v)
# LINE = 1-based line number in the .txt, text = exact extent chosen by the annotator,
# nth = which occurrence of that text within the line (1-based).
import sys, pathlib, html, re
SRC = pathlib.Path("/work/main/seeds/ukraine-2021-22")
OUT = pathlib.Path("/work/main/tests/data/timex_corpus_dev4")
def esc(s): return s.replace("&","&amp;").replace("<","&lt;").replace(">","&gt;")
def build(docid, dct, specfile):
    text = (SRC/(docid+".txt")).read_text(encoding="utf-8")
    lines = text.split("\n")
    starts=[0]
    for l in lines[:-1]: starts.append(starts[-1]+len(l)+1)
    spans=[]
    for raw in pathlib.Path(specfile).read_text(encoding="utf-8").split("\n"):
        if not raw.strip() or raw.startswith("#"): continue
        parts = raw.split("|")
        ln, ext, nth, typ, val = int(parts[0]), parts[1], int(parts[2]), parts[3], parts[4]
        extra = parts[5] if len(parts)>5 else ""
        line = lines[ln-1]; pos=-1; k=0
        ctx = ext.replace("[[","").replace("]]","")
        off = ext.find("[[") if "[[" in ext else 0
        ext = ext[off+2:ext.find("]]")] if "[[" in ext else ext
        while k<nth:
            pos = line.find(ctx, pos+1)
            if pos<0: sys.exit(f"NOT FOUND: {raw}")
            e=pos+len(ctx)
            if (pos>0 and line[pos-1].isalnum()) or (e<len(line) and line[e].isalnum()): continue
            k+=1
        pos += off
        # word boundary check
        a = starts[ln-1]+pos; b=a+len(ext)
        if (a>0 and text[a-1].isalnum()) or (b<len(text) and text[b].isalnum()):
            print("WARN boundary:", raw, repr(text[max(0,a-5):b+5]))
        attrs={}
        for kv in extra.split(";"):
            if kv.strip():
                k,v=kv.split("="); attrs[k.strip()]=v.strip()
        spans.append((a,b,typ,val,attrs,raw))
    spans.sort()
    for x,y in zip(spans,spans[1:]):
        if y[0]<x[1]: sys.exit(f"OVERLAP {x[5]} / {y[5]}")
    out=[]; cur=0
    for i,(a,b,typ,val,attrs,raw) in enumerate(spans,1):
        out.append(esc(text[cur:a]))
        tf = attrs.pop("tf", "true" if typ in ("DATE","TIME") else "false")
        s=f'<TIMEX3 tid="t{i}" type="{typ}" value="{val}"'
        for k in ("mod","quant","freq"):
            if k in attrs: s+=f' {k}="{attrs[k]}"'
        s+=f' temporalFunction="{tf}" functionInDocument="NONE"'
        if tf=="true": s+=f' anchorTimeID="{attrs.get("anchor","t0")}"'
        s+=">"+esc(text[a:b])+"</TIMEX3>"
        out.append(s); cur=b
    out.append(esc(text[cur:]))
    d=dct.replace("-","")
    doc=('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
         f'<DOCID>{docid}</DOCID>\n\n<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" functionInDocument="CREATION_TIME">{d}</TIMEX3></DCT>\n\n'
         '<TEXT>'+"".join(out)+'</TEXT>\n\n</TimeML>\n')
    (OUT/(docid+".tml")).write_text(doc,encoding="utf-8")
    print(docid, len(spans))
    for a,b,typ,val,attrs,raw in spans:
        pass
if __name__=="__main__":
    build(sys.argv[1], sys.argv[2], sys.argv[3])
