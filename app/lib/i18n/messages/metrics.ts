// Names, tile definitions and download column descriptions of the metrics in
// app/lib/metrics/registry.ts; keys are "metric.<registry id>.name|definition|column". The registry
// test checks that every metric has its strings here in both languages.
import { defineMessages } from "./define-messages";

export const metricMessages = defineMessages(
  {
    "metric.cases.name": "Số ca hỗ trợ",
    "metric.cases.definition":
      "Số lượt người dân được tình nguyện viên hỗ trợ một thủ tục (mỗi bản ghi hỗ trợ là một ca), cộng trong kỳ.",
    "metric.online_uptake.name": "Tỷ lệ hồ sơ trực tuyến",
    "metric.online_uptake.definition":
      "Số hồ sơ tiếp nhận trực tuyến ÷ tổng số hồ sơ tiếp nhận qua mọi kênh trong kỳ (chỉ tiêu 3.3, Quyết định 766/QĐ-TTg). Tính từ tổng số hồ sơ, không lấy trung bình các tỷ lệ; “—” khi không có hồ sơ nào.",
    "metric.assisted_online_share.name": "Tỷ lệ ca hỗ trợ nộp trực tuyến",
    "metric.assisted_online_share.definition":
      "Số ca hỗ trợ nộp qua kênh trực tuyến ÷ tổng số ca hỗ trợ trong kỳ. Theo GOV.UK, giao dịch số có người hỗ trợ vẫn tính là sử dụng kênh số.",
    "metric.volunteer_hours.name": "Giờ tình nguyện",
    "metric.volunteer_hours.definition":
      "Tổng thời lượng các ca trực của tình nguyện viên trong kỳ.",
    "metric.volunteers_active.name": "Tình nguyện viên hoạt động",
    "metric.volunteers_active.definition":
      "Số tình nguyện viên có ít nhất một ca trực trong tháng cuối của kỳ, cộng theo từng xã (người trực ở hai xã được đếm hai lần). Lấy tháng cuối vì cộng các tháng sẽ đếm một người nhiều lần.",
    "metric.minority_reach.name": "Tỷ lệ ca là người dân tộc thiểu số",
    "metric.minority_reach.definition":
      "Số ca hỗ trợ người dân tộc thiểu số (đã biết dân tộc và không phải Kinh) ÷ tổng số ca. Ca chưa rõ dân tộc vẫn nằm trong mẫu số.",
    "metric.elderly_reach.name": "Tỷ lệ ca là người cao tuổi",
    "metric.elderly_reach.definition": "Số ca hỗ trợ người từ 60 tuổi trở lên ÷ tổng số ca.",
    "metric.communes_reporting.name": "Đơn vị có ca hỗ trợ",
    "metric.communes_reporting.definition":
      "Số xã, phường, đặc khu có ít nhất một ca hỗ trợ trong tháng cuối của kỳ, trên tổng số đơn vị thuộc bộ lọc.",
    "metric.cases_per_1000.name": "Số ca trên 1.000 dân",
    "metric.cases_per_1000.definition":
      "Số ca hỗ trợ trong kỳ ÷ dân số của đơn vị × 1.000. Không tính cho đơn vị có dân số bị đánh dấu nghi vấn hoặc thiếu trong dữ liệu tham chiếu.",

    "metric.cases_online.name": "Ca nộp trực tuyến",
    "metric.cases_completed.name": "Ca hoàn thành",
    "metric.cases_not_completed.name": "Ca chưa hoàn thành",
    "metric.cases_vneid.name": "Ca hỗ trợ VNeID",
    "metric.cases_minority.name": "Ca là người dân tộc thiểu số",
    "metric.cases_elderly.name": "Ca là người cao tuổi",
    "metric.cases_female.name": "Ca là phụ nữ",
    "metric.cases_ethnicity_unknown.name": "Ca chưa rõ dân tộc",
    "metric.dossiers_total.name": "Tổng hồ sơ",
    "metric.dossiers_online.name": "Hồ sơ trực tuyến",
    "metric.completion_rate.name": "Tỷ lệ hoàn thành",
    "metric.completion_rate.definition":
      "(Số ca − số ca chưa hoàn thành) ÷ số ca trong kỳ, theo tỷ lệ hoàn thành của GOV.UK: ca dừng lại mà chưa nộp mới tính là không hoàn thành.",

    "metric.cases.column":
      "số lượt hỗ trợ người dân thực hiện một thủ tục (mỗi bản ghi hỗ trợ là một ca)",
    "metric.cases_online.column": "số ca nộp hồ sơ qua kênh trực tuyến",
    "metric.cases_completed.column": "số ca có kết quả completed",
    "metric.cases_not_completed.column": "số ca có kết quả not_completed",
    "metric.cases_vneid.column": "số ca hỗ trợ tài khoản VNeID",
    "metric.cases_minority.column": "số ca mà người dân có dân tộc xác định và không phải Kinh",
    "metric.cases_elderly.column": "số ca mà người dân từ 60 tuổi trở lên",
    "metric.cases_female.column": "số ca mà người dân được ghi là nữ",
    "metric.cases_ethnicity_unknown.column": "số ca không xác định được dân tộc",
    "metric.volunteer_hours.column": "tổng thời lượng các ca trực của tình nguyện viên (giờ)",
    "metric.volunteers_active.column":
      "số tình nguyện viên khác nhau có ca trực hoặc bản ghi hỗ trợ",
    "metric.dossiers_total.column":
      "số hồ sơ trung tâm phục vụ hành chính công của xã tiếp nhận, mọi kênh",
    "metric.dossiers_online.column": "trong đó, số hồ sơ tiếp nhận trực tuyến",
    "metric.online_uptake.column":
      "dossiers_online / dossiers_total (chỉ tiêu 3.3, Quyết định 766)",
    "metric.assisted_online_share.column": "cases_online / cases",
    "metric.completion_rate.column": "(cases - cases_not_completed) / cases",
    "metric.minority_reach.column": "cases_minority / cases",
    "metric.elderly_reach.column": "cases_elderly / cases",
    "metric.cases_per_1000.column":
      "cases × 1000 / dân số (không tính khi dân số bị đánh dấu nghi vấn)",
    "metric.communes_reporting.column": "số đơn vị có ít nhất một ca hỗ trợ",
  },
  {
    "metric.cases.name": "Assisted cases",
    "metric.cases.definition":
      "Number of times a volunteer helped a citizen with one procedure (one assistance record is one case), summed over the period.",
    "metric.online_uptake.name": "Online uptake",
    "metric.online_uptake.definition":
      "Dossiers received online ÷ all dossiers received through every channel in the period (indicator 3.3 of Decision 766/QĐ-TTg). Computed from summed dossier counts, not by averaging rates; “—” when no dossier was received.",
    "metric.assisted_online_share.name": "Assisted-online share",
    "metric.assisted_online_share.definition":
      "Assisted cases submitted online ÷ all assisted cases in the period. As in GOV.UK's digital take-up, assisted digital transactions count as digital.",
    "metric.volunteer_hours.name": "Volunteer hours",
    "metric.volunteer_hours.definition": "Total length of volunteer shifts in the period.",
    "metric.volunteers_active.name": "Active volunteers",
    "metric.volunteers_active.definition":
      "Volunteers with at least one shift in the last month of the period, summed over communes (someone on duty in two communes counts twice). The last month is used because adding months up would count the same person several times.",
    "metric.minority_reach.name": "Minority reach",
    "metric.minority_reach.definition":
      "Cases for ethnic-minority citizens (ethnic group known and not Kinh) ÷ all cases. Cases with an unknown ethnic group stay in the denominator.",
    "metric.elderly_reach.name": "Elderly reach",
    "metric.elderly_reach.definition": "Cases for citizens aged 60 or over ÷ all cases.",
    "metric.communes_reporting.name": "Units with cases",
    "metric.communes_reporting.definition":
      "Communes, wards and special zones with at least one assisted case in the last month of the period, out of all units in the filter.",
    "metric.cases_per_1000.name": "Cases per 1,000 residents",
    "metric.cases_per_1000.definition":
      "Assisted cases in the period ÷ the unit's population × 1,000. Not computed where the reference data flags the population as suspect or missing.",

    "metric.cases_online.name": "Cases submitted online",
    "metric.cases_completed.name": "Cases completed",
    "metric.cases_not_completed.name": "Cases not completed",
    "metric.cases_vneid.name": "VNeID cases",
    "metric.cases_minority.name": "Cases, ethnic minority",
    "metric.cases_elderly.name": "Cases, aged 60+",
    "metric.cases_female.name": "Cases, female",
    "metric.cases_ethnicity_unknown.name": "Cases, ethnic group unknown",
    "metric.dossiers_total.name": "All dossiers",
    "metric.dossiers_online.name": "Dossiers online",
    "metric.completion_rate.name": "Completion rate",
    "metric.completion_rate.definition":
      "(Cases − cases not completed) ÷ cases in the period, after GOV.UK's completion rate: only a citizen who left without submitting counts as not completed.",

    "metric.cases.column": "citizens helped with one procedure (one assistance record each)",
    "metric.cases_online.column": "cases whose submission channel was online",
    "metric.cases_completed.column": "cases with outcome completed",
    "metric.cases_not_completed.column": "cases with outcome not_completed",
    "metric.cases_vneid.column": "cases whose help type was a VNeID account",
    "metric.cases_minority.column": "cases whose citizen's ethnic group is known and is not Kinh",
    "metric.cases_elderly.column": "cases whose citizen was aged 60 or over",
    "metric.cases_female.column": "cases whose citizen was recorded as female",
    "metric.cases_ethnicity_unknown.column": "cases with no recognised ethnic group",
    "metric.volunteer_hours.column": "sum of volunteer shift durations (hours)",
    "metric.volunteers_active.column": "distinct volunteers with a shift or an assistance record",
    "metric.dossiers_total.column":
      "dossiers received by the commune's service center, all channels",
    "metric.dossiers_online.column": "of those, dossiers received online",
    "metric.online_uptake.column": "dossiers_online / dossiers_total (Decision 766 indicator 3.3)",
    "metric.assisted_online_share.column": "cases_online / cases",
    "metric.completion_rate.column": "(cases - cases_not_completed) / cases",
    "metric.minority_reach.column": "cases_minority / cases",
    "metric.elderly_reach.column": "cases_elderly / cases",
    "metric.cases_per_1000.column": "cases per 1,000 inhabitants (none for a suspect population)",
    "metric.communes_reporting.column": "units with at least one assisted case",
  },
);
