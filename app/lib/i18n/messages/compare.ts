// UI strings of the compare area; keys start with "compare.".
import { defineMessages } from "./define-messages";

export const compareMessages = defineMessages(
  {
    "compare.metaTitle": "So sánh các xã — Cầu Nối Số",
    "compare.heading": "So sánh các xã/phường",
    "compare.intro":
      "Chọn tối đa 6 xã/phường để so sánh theo tháng và trong cả kỳ; cột cuối là toàn tỉnh để tham chiếu.",
    "compare.noData": "Chưa có dữ liệu để so sánh. Hãy nhập tệp dữ liệu rồi tải lại trang.",
    "compare.chooser.heading": "Chọn xã/phường và khoảng thời gian",
    "compare.chooser.communes": "Xã/phường (tối đa 6)",
    "compare.chooser.hint":
      "Đánh dấu tối đa 6 đơn vị rồi bấm “So sánh”. Chọn quá 6 đơn vị sẽ bị báo lỗi.",
    "compare.chooser.group": "{unitType} ({count})",
    "compare.chooser.submit": "So sánh",
    "compare.chooser.clear": "Bỏ chọn tất cả",
    "compare.selected": "Đang so sánh",
    "compare.remove": "Bỏ {name}",
    "compare.none":
      "Chưa chọn xã/phường nào. Chọn ít nhất một đơn vị ở danh sách bên dưới để xem so sánh.",
    "compare.period": "Kỳ: {from} – {to} ({months} tháng)",
    "compare.clamped":
      "Khoảng thời gian đã được giới hạn trong phạm vi dữ liệu hiện có ({first} – {last}).",
    "compare.multiplesHeading": "Theo tháng",
    "compare.multiplesNote":
      "Mỗi ô là một xã; các ô của cùng một chỉ số dùng chung trục dọc nên chiều cao so sánh được.",
    "compare.chart.online_uptake": "Tỷ lệ hồ sơ trực tuyến theo tháng",
    "compare.chart.cases": "Số ca hỗ trợ theo tháng",
    "compare.chart.volunteer_hours": "Giờ tình nguyện theo tháng",
    "compare.chart.description":
      "Cả kỳ: cao nhất là {maxName} ({maxValue}), thấp nhất là {minName} ({minValue}).",
    "compare.chart.single": "Cả kỳ: {name} {value}.",
    "compare.chart.noValues": "Không xã nào có giá trị cho chỉ số này trong kỳ.",
    "compare.tableHeading": "Số liệu chính của kỳ",
    "compare.tableCaption":
      "Các chỉ số trong kỳ {from} – {to}; tỷ lệ tính từ tổng số đếm, “—” là không có mẫu số.",
    "compare.indicator": "Chỉ số",
    "compare.provinceColumn": "Toàn tỉnh",
    "compare.volunteersActiveIn": "{name} (tháng {month})",
    "compare.definitionLink": "cách tính",
    "compare.suppressedNote":
      "Tỷ lệ dân tộc thiểu số và người cao tuổi không hiển thị (—) khi đơn vị có dưới 8 ca trong kỳ, để bảo vệ người được hỗ trợ.",
    "compare.downloadsHeading": "Tải dữ liệu",
    "compare.download.table": "Bảng so sánh",
    "compare.download.monthly": "Số liệu theo tháng",
  },
  {
    "compare.metaTitle": "Compare communes — Cầu Nối Số",
    "compare.heading": "Compare communes and wards",
    "compare.intro":
      "Choose up to 6 units to compare month by month and over the period; the last column is the whole province, for reference.",
    "compare.noData": "No data to compare yet. Import data files, then reload the page.",
    "compare.chooser.heading": "Choose units and period",
    "compare.chooser.communes": "Communes and wards (at most 6)",
    "compare.chooser.hint":
      "Tick up to 6 units, then press “Compare”. Ticking more than 6 is refused with an error.",
    "compare.chooser.group": "{unitType} ({count})",
    "compare.chooser.submit": "Compare",
    "compare.chooser.clear": "Clear the selection",
    "compare.selected": "Comparing",
    "compare.remove": "Remove {name}",
    "compare.none": "No unit chosen yet. Tick at least one unit in the list below to compare.",
    "compare.period": "Period: {from} – {to} ({months} months)",
    "compare.clamped": "The period was limited to the months the data covers ({first} – {last}).",
    "compare.multiplesHeading": "Month by month",
    "compare.multiplesNote":
      "One panel per unit; the panels of an indicator share their vertical scale, so heights compare.",
    "compare.chart.online_uptake": "Online uptake per month",
    "compare.chart.cases": "Assisted cases per month",
    "compare.chart.volunteer_hours": "Volunteer hours per month",
    "compare.chart.description":
      "Over the period: highest {maxName} ({maxValue}), lowest {minName} ({minValue}).",
    "compare.chart.single": "Over the period: {name} {value}.",
    "compare.chart.noValues": "No unit has a value for this indicator in the period.",
    "compare.tableHeading": "Key figures of the period",
    "compare.tableCaption":
      "Indicators for {from} – {to}; ratios from summed counts, “—” where there is no denominator.",
    "compare.indicator": "Indicator",
    "compare.provinceColumn": "Province",
    "compare.volunteersActiveIn": "{name} ({month})",
    "compare.definitionLink": "definition",
    "compare.suppressedNote":
      "Minority and elderly shares are not shown (—) for units with fewer than 8 cases in the period, to protect the people helped.",
    "compare.downloadsHeading": "Download the data",
    "compare.download.table": "Comparison table",
    "compare.download.monthly": "Monthly figures",
  },
);
