// UI strings of the auth area; keys start with "auth.".
import { defineMessages } from "./define-messages";

export const authMessages = defineMessages(
  {
    "auth.login.title": "Đăng nhập",
    "auth.login.metaTitle": "Đăng nhập — Cầu Nối Số",
    "auth.login.intro": "Đăng nhập bằng tài khoản do quản trị viên cấp.",
    "auth.login.username": "Tên đăng nhập",
    "auth.login.password": "Mật khẩu",
    "auth.login.submit": "Đăng nhập",
    "auth.login.failed": "Tên đăng nhập hoặc mật khẩu không đúng.",
    "auth.login.missing": "Hãy nhập tên đăng nhập và mật khẩu.",
    "auth.login.rateLimited": "Đăng nhập sai quá nhiều lần. Hãy thử lại sau {minutes} phút.",
    "auth.login.demoRefused": "Chế độ trình diễn không bật.",
    "auth.login.unreadable":
      "Không đọc được biểu mẫu đăng nhập. Hãy mở lại trang đăng nhập và gửi lại biểu mẫu.",
    "auth.demo.heading": "Chế độ trình diễn",
    "auth.demo.intro":
      "Máy chủ đang chạy với dữ liệu mẫu và chưa có người dùng. Đăng nhập một chạm với một vai trò:",
    "auth.demo.signIn": "Vào với vai trò {role}",
    "auth.demo.secretaryNote": "(gắn với một xã của tỉnh)",
    "auth.demo.banner":
      "Chế độ trình diễn: dữ liệu mẫu, đăng nhập không cần mật khẩu. Tạo người dùng thật bằng `npm run users -- add` để tắt.",
    "auth.role.admin": "Quản trị viên",
    "auth.role.leader": "Lãnh đạo tỉnh",
    "auth.role.secretary": "Bí thư Đoàn xã",
    "auth.role.analyst": "Chuyên viên phân tích",
    "auth.user.signedInAs": "Đăng nhập: {username} ({role})",
    "auth.logout.submit": "Đăng xuất",
  },
  {
    "auth.login.title": "Sign in",
    "auth.login.metaTitle": "Sign in — Cầu Nối Số",
    "auth.login.intro": "Sign in with the account your administrator gave you.",
    "auth.login.username": "Username",
    "auth.login.password": "Password",
    "auth.login.submit": "Sign in",
    "auth.login.failed": "Wrong username or password.",
    "auth.login.missing": "Enter a username and a password.",
    "auth.login.rateLimited": "Too many failed sign-ins. Try again in {minutes} minutes.",
    "auth.login.demoRefused": "Demo mode is not on.",
    "auth.login.unreadable":
      "The sign-in form could not be read. Reopen the sign-in page and submit the form again.",
    "auth.demo.heading": "Demo mode",
    "auth.demo.intro":
      "This server runs on the sample data and has no users yet. Sign in with one click as a role:",
    "auth.demo.signIn": "Enter as {role}",
    "auth.demo.secretaryNote": "(bound to one commune of the province)",
    "auth.demo.banner":
      "Demo mode: sample data, sign-in without a password. Add a real user with `npm run users -- add` to turn it off.",
    "auth.role.admin": "Administrator",
    "auth.role.leader": "Provincial leader",
    "auth.role.secretary": "Commune youth-union secretary",
    "auth.role.analyst": "Analyst",
    "auth.user.signedInAs": "Signed in: {username} ({role})",
    "auth.logout.submit": "Sign out",
  },
);
