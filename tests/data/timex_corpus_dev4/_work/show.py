import re,sys,html
t=open(sys.argv[1]).read().split("<TEXT>")[1].split("</TEXT>")[0]
t=re.sub(r'<TIMEX3 tid="(t\d+)" type="(\w+)" value="([^"]+)"([^>]*)>(.*?)</TIMEX3>', lambda m: f'[[{m.group(5)}|{m.group(3)}{"|"+m.group(4).split("mod=")[1].split()[0] if "mod=" in m.group(4) else ""}]]', t)
print(html.unescape(t))
