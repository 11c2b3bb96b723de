#!/usr/bin/env bash
# The callback round trip of the Python SDK wechatpy on the same official WeCom vector as
# `cargo bench -p wechat-core --bench callback`, for comparison: verify msg_signature and decrypt
# (WeChatCrypto.decrypt_message), then encrypt and sign a text reply (encrypt_message); and the
# whole round trip with parsing and rendering the reply.
#
# Installs wechatpy (with `cryptography`) from PyPI into a venv under target/ on first use.
# Never required by the tests. Usage: core/benches/compare-wechatpy.sh [--with-rust]
#   --with-rust  also runs the Rust bench (callback_roundtrip and its stages) in the same run.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/target/wechatpy-venv"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check wechatpy cryptography
fi

"$venv/bin/python" - <<'PY'
import timeit

from wechatpy import __version__ as version

try:  # wechatpy 2 names WeCom `work`, 1.x `enterprise`.
    from wechatpy.work import parse_message
    from wechatpy.work.crypto import WeChatCrypto
    from wechatpy.work.replies import TextReply
except ImportError:
    from wechatpy.enterprise import parse_message
    from wechatpy.enterprise.crypto import WeChatCrypto
    from wechatpy.enterprise.replies import TextReply

TOKEN = "QDG6eK"
AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
CORP_ID = "wx5823bf96d3bd56c7"
SIGNATURE = "477715d11cdb4164915debcba66cb864d751f3e6"
TIMESTAMP = "1409659813"
NONCE = "1372623149"
BODY = (
    "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA["
    "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUp"
    "j911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue"
    "06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+"
    "3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH"
    "27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8"
    "R07+qN+E7Q==]]></Encrypt>\n<AgentID><![CDATA[218]]></AgentID>\n</xml>"
)

crypto = WeChatCrypto(TOKEN, AES_KEY, CORP_ID)
plain = crypto.decrypt_message(BODY, SIGNATURE, TIMESTAMP, NONCE)
reply_xml = TextReply(content="this is a test", message=parse_message(plain)).render()


def decrypt_encrypt():
    crypto.decrypt_message(BODY, SIGNATURE, TIMESTAMP, NONCE)
    crypto.encrypt_message(reply_xml, NONCE, TIMESTAMP)


def roundtrip():
    message = parse_message(crypto.decrypt_message(BODY, SIGNATURE, TIMESTAMP, NONCE))
    reply = TextReply(content="this is a test", message=message).render()
    crypto.encrypt_message(reply, NONCE, TIMESTAMP)


def per_op(f):
    timer = timeit.Timer(f)
    n, _ = timer.autorange()
    best = min(timer.repeat(repeat=5, number=n)) / n
    return best * 1e6


print(f"wechatpy {version}")
print(f"wechatpy decrypt_message+encrypt_message: {per_op(decrypt_encrypt):.1f} µs/op")
print(f"wechatpy roundtrip (with parse and reply render): {per_op(roundtrip):.1f} µs/op")
PY

if [ "${1:-}" = "--with-rust" ]; then
    cd "$root"
    cargo bench -p wechat-core --bench callback -- --warm-up-time 1 --measurement-time 3
fi
