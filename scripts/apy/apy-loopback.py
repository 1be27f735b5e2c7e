#!/usr/bin/python3
"""Runs Debian's apertium-apy bound to 127.0.0.1 only (APy itself listens on every interface).

usage: scripts/apy/apy-loopback.py PORT [PAIRS_PATH]   (PAIRS_PATH defaults to /usr/share/apertium/modes)

brief's tests start it this way and stop it with SIGTERM; users can too, for a server that only
this machine reaches. Debian's python3 (/usr/bin/python3) has APy's modules.
"""
import os
import signal
import sys

# APy refuses to start unless LANG or LC_ALL names a UTF-8 locale, and CI (or cron) may run with
# none at all: this script sets one for itself.
os.environ["LC_ALL"] = "C.UTF-8"

# A parent may have blocked SIGTERM in the mask this process inherits (test runners do): then
# APy's own handler never runs and it cannot be stopped but by SIGKILL.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})

if len(sys.argv) < 2:
    sys.exit(__doc__)
port = sys.argv[1]
pairs = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/apertium/modes"
# APy reads sys.argv when its module is imported: set it first.
sys.argv = ["apertium-apy", "-p", port, pairs]

import tornado.httpserver  # noqa: E402

from apertium_apy import apy  # noqa: E402

_bind = tornado.httpserver.HTTPServer.bind


def _bind_loopback(self, port, address=None, *args, **kwargs):
    return _bind(self, port, "127.0.0.1", *args, **kwargs)


tornado.httpserver.HTTPServer.bind = _bind_loopback
apy.main()
