"""Words for accounts and sign-in, and the account errors people read."""

from __future__ import annotations

# The key prefixes this module holds, and no other module does (tests/test_word_prefixes.py checks).
PREFIXES = ("accounts", "auth", "proxy", "role")
# key → (Vietnamese, English)
WORDS: dict[str, tuple[str, str]] = {
    "auth.intro": (
        "Trang này dành cho cán bộ được giao cập nhật số liệu. Hãy đăng nhập bằng tài khoản được cấp.",
        "This page is for the staff who keep the figures current. Please sign in with your account.",
    ),
    "auth.intro_viewing": (
        "Bảng chỉ tiêu này chỉ dành cho người có tài khoản. Hãy đăng nhập.",
        "This dashboard is for account holders only. Please sign in.",
    ),
    "auth.name": ("Tên tài khoản", "Account name"),
    "auth.password": ("Mật khẩu", "Password"),
    "auth.submit": ("Đăng nhập", "Sign in"),
    "auth.oidc": ("Đăng nhập bằng tài khoản của cơ quan", "Sign in with your organisation's account"),
    "auth.wrong": ("Tên tài khoản hoặc mật khẩu không đúng.", "Wrong account name or password."),
    "auth.wait": (
        "Đã nhập sai nhiều lần. Hãy thử lại sau {s} giây.",
        "Too many failed attempts. Try again in {s} seconds.",
    ),
    "auth.busy": (
        "Máy chủ đang kiểm tra nhiều lượt đăng nhập khác. Hãy thử lại sau vài giây.",
        "The server is busy checking other sign-ins. Try again in a few seconds.",
    ),
    "auth.needs_server": (
        "Không đăng nhập được ở đây: bảng chỉ tiêu đang chạy bằng `streamlit run app.py`, thiếu phần "
        "máy chủ giữ phiên đăng nhập. Người quản trị hãy chạy bằng `make run` (tức `streamlit run "
        "serve.py`).",
        "Signing in is not possible here: the dashboard is served with `streamlit run app.py`, "
        "without the server part that keeps sign-ins. The administrator should serve it with "
        "`make run` (that is, `streamlit run serve.py`).",
    ),
    "proxy.bad_address": (
        "«{part}» không phải địa chỉ IP hay dải địa chỉ của proxy (ví dụ 127.0.0.1 hoặc 10.0.0.0/24).",
        "«{part}» is not an IP address or network of the proxy (for example 127.0.0.1 or 10.0.0.0/24).",
    ),
    "auth.viewer_only": (
        "Tài khoản «{name}» chỉ có quyền xem. Việc cập nhật số liệu cần tài khoản cán bộ chuyên môn.",
        "The account «{name}» may only view. Updating figures needs an analyst account.",
    ),
    "auth.signed_in_as": ("Đang đăng nhập: {name} ({role})", "Signed in: {name} ({role})"),
    "auth.sign_out": ("Đăng xuất", "Sign out"),
    "auth.signing_in": ("Đang đăng nhập…", "Signing in…"),
    "auth.cookie_failed": (
        "Không lưu được phiên đăng nhập trong trình duyệt. Hãy mở bảng chỉ tiêu bằng `make run` "
        "(máy chủ serve.py) và cho phép cookie, rồi thử lại.",
        "The sign-in could not be kept in the browser. Serve the dashboard with `make run` "
        "(serve.py) and allow cookies, then try again.",
    ),
    "auth.no_accounts": (
        "Chưa có tài khoản nào. Người quản trị tạo tài khoản đầu tiên bằng lệnh: "
        "python -m indicators user add TÊN --role admin",
        "No account exists yet. An administrator creates the first one with: "
        "python -m indicators user add NAME --role admin",
    ),
    "role.viewer": ("người xem", "viewer"),
    "role.reporter": ("cán bộ xã", "commune reporter"),
    "role.analyst": ("cán bộ chuyên môn", "analyst"),
    "role.admin": ("quản trị", "administrator"),
    "accounts.add": ("Thêm tài khoản", "Add an account"),
    "accounts.role": ("Vai trò", "Role"),
    "accounts.added": ("Đã thêm tài khoản «{name}».", "Account «{name}» added."),
    "accounts.remove": ("Xóa tài khoản", "Remove an account"),
    "accounts.removed": ("Đã xóa tài khoản «{name}».", "Account «{name}» removed."),
    "accounts.reset": ("Đặt lại mật khẩu", "Reset the password"),
    "accounts.reset_done": ("Đã đặt mật khẩu mới cho «{name}».", "New password set for «{name}»."),
    "accounts.self": (
        "Không thể tự xóa tài khoản đang dùng.",
        "You cannot remove the account you are using.",
    ),
    # Refused account changes (AccountError).
    "accounts.bad_name": (
        "Tên tài khoản chỉ gồm chữ, số và . _ - @, dài 1–64 ký tự.",
        "An account name holds letters, digits and . _ - @ only, 1–64 characters long.",
    ),
    "accounts.short_password": (
        "Mật khẩu phải có ít nhất {n} ký tự (không kể dấu cách ở hai đầu; nhiều dấu cách liền nhau "
        "tính là một).",
        "A password needs at least {n} characters (not counting spaces at either end; a run of "
        "spaces counts as one).",
    ),
    "accounts.spacey_password": (
        "Mật khẩu gần như toàn dấu cách: hãy dùng chữ, mỗi từ cách nhau một dấu cách.",
        "The password is mostly spaces: use words, one space between each.",
    ),
    "accounts.place_password": (
        "Mật khẩu dựa vào tên địa danh hay tên bảng chỉ tiêu (như «Tamduong2025!»): bỏ tên đó đi thì "
        "phần còn lại quá dễ đoán. Hãy dùng một câu dài hoặc nhiều từ không liên quan đến nhau.",
        "The password rests on a place's name or the dashboard's own words (like «Tamduong2025!»): "
        "without them the rest is too easy to guess. Use a long sentence or several unrelated words.",
    ),
    "accounts.password_has_name": (
        "Mật khẩu không được chứa tên tài khoản.",
        "The password must not contain the account name.",
    ),
    "accounts.guessable_password": (
        "Mật khẩu quá dễ đoán (từ thông dụng, dãy phím, ngày tháng hay ký tự lặp): hãy dùng một câu "
        "dài hoặc nhiều từ không liên quan đến nhau.",
        "The password is too easy to guess (a common word, a keyboard run, a date or repeats): use a "
        "long sentence or several unrelated words.",
    ),
    "accounts.long_password": ("Mật khẩu dài quá {n} byte.", "The password is longer than {n} bytes."),
    "accounts.unknown_role": (
        "Vai trò '{role}' không có; chọn một trong: viewer, reporter, analyst, admin.",
        "There is no role '{role}'; choose one of: viewer, reporter, analyst, admin.",
    ),
    "accounts.exists": ("Tài khoản '{name}' đã có.", "The account '{name}' already exists."),
    "accounts.no_such": ("Không có tài khoản '{name}'.", "There is no account '{name}'."),
}
