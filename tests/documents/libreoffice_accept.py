"""Open a .docx in LibreOffice, accept all tracked changes, and save the text.

Run with Debian's python3 (it has the `uno` bridge): python3 libreoffice_accept.py IN.docx OUT.txt
Used by tests/documents/test_word_revisions.py; not part of the package.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    item = PropertyValue()
    item.Name, item.Value = name, value
    return item


def main(source, target):
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    # A copy in a folder of our own: LibreOffice leaves lock files beside what it opens.
    work = tempfile.mkdtemp(prefix="lo-work-")
    source = shutil.copy(source, os.path.join(work, "input.docx"))
    pipe = "plainspeak_" + str(os.getpid())
    office = subprocess.Popen(
        ["soffice", "--headless", "--norestore", "--nologo", f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext())
        for _ in range(120):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        else:
            raise SystemExit("LibreOffice did not start")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        url = uno.systemPathToFileUrl(os.path.abspath(source))
        document = None
        for _ in range(20):  # the first load can come before the office is fully up
            document = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            if document is not None:
                break
            time.sleep(0.5)
        if document is None:
            raise SystemExit(f"LibreOffice could not open {source}")
        dispatcher = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        dispatcher.executeDispatch(document.getCurrentController().getFrame(), ".uno:AcceptAllTrackedChanges", "", 0, ())
        document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8")))
        document.close(True)
    finally:
        office.terminate()
        office.wait(timeout=30)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
