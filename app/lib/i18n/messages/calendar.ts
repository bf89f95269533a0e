// Strings for months that are not complete yet (ADR 020); keys start with "calendar.".
import { defineMessages } from "./define-messages";

export const calendarMessages = defineMessages(
  {
    "calendar.open.lead":
      "Kỳ này có tháng chưa đủ số liệu (đánh dấu * trên trục tháng, cột gạch chéo); không so sánh với kỳ trước:",
    "calendar.open.running": "{month} — số liệu đến {through}, tháng chưa kết thúc",
    "calendar.open.runningNoData": "{month} — tháng chưa kết thúc",
    "calendar.open.late":
      "{month} — {missing}/{expected} đơn vị tháng nào cũng gửi số liệu chưa gửi tháng này",
    "calendar.excluded":
      "Kỳ mặc định kết thúc ở {to}, tháng đủ số liệu gần nhất. Chưa tính: {months}.",
    "calendar.include": "Xem kỳ gồm cả {last}",
    "calendar.note": "*: tháng chưa đủ số liệu (chưa kết thúc hoặc còn đơn vị chưa gửi).",
  },
  {
    "calendar.open.lead":
      "This period includes months that are not complete (starred on the month axis, hatched bars); it is not compared with the period before:",
    "calendar.open.running": "{month} — data to {through}, the month is not over",
    "calendar.open.runningNoData": "{month} — the month is not over",
    "calendar.open.late":
      "{month} — {missing} of {expected} units that report every month have not sent this month's data",
    "calendar.excluded":
      "The default period ends in {to}, the latest complete month. Not counted yet: {months}.",
    "calendar.include": "See the period including {last}",
    "calendar.note":
      "*: a month that is not complete (still running, or some units have not reported).",
  },
);
