// The 503 a request gets when it gave up waiting for the embedded engine's one connection
// (db/busy.server.ts): what is running and since when, in Vietnamese and English, so a leader
// knows the site is loading data, not broken, and when to come back.
import type { SessionHolder } from "~/lib/db/busy.server";
import { formatImportStart } from "~/lib/uploads/import-gate.server";
import { unavailableAnswer } from "./unavailable-answer.server";

const RETRY_AFTER_SECONDS = 30;

const WHAT: Record<SessionHolder["activity"], { vi: string; en: string }> = {
  import: { vi: "Hệ thống đang nạp một tệp dữ liệu", en: "A data file is being imported" },
  download: { vi: "Một bản tải xuống lớn đang được tạo", en: "A large download is being prepared" },
  maintenance: {
    vi: "Cơ sở dữ liệu đang được sao lưu hoặc bảo trì",
    en: "The database is being backed up or maintained",
  },
  query: { vi: "Cơ sở dữ liệu đang bận", en: "The database is busy" },
};

export function busyAnswer(pathname: string, search: string, holder: SessionHolder) {
  const what = WHAT[holder.activity];
  return unavailableAnswer(pathname, search, {
    code: "database_busy",
    title_vi: "Hệ thống đang bận",
    title_en: "The service is busy",
    message_vi: `${what.vi} (bắt đầu lúc ${formatImportStart(holder.since)}). Trang sẽ trả lời khi việc này xong; vui lòng thử lại sau ít phút.`,
    message_en: `${what.en} (since ${formatImportStart(holder.since)}). Pages answer again when it is done; please try again in a few minutes.`,
    retryAfterSeconds: RETRY_AFTER_SECONDS,
    details: { activity: holder.activity, since: holder.since.toISOString() },
  });
}
