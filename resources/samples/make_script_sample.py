"""Writes the demo session's script (6月18日 美妆专场, 20:00–24:00, links 1–36 of demo_lineup.xlsx) as an
operator sends it: 整场脚本 and 单品脚本 sheets. Run `python resources/samples/make_script_sample.py`."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = Path(__file__).resolve().parent
TITLE = "6月18日 美妆专场 整场直播脚本"
INFO = "主播：小美　助播：阿杰　场控：小林　平台：抖音　直播时间：20:00-24:00　目标GMV：100万"
HEADERS = ["时间段", "环节", "类型", "时长", "商品", "场景", "互动", "话术要点", "备注"]
START_MINUTE = 20 * 60

# (环节, 类型, minutes, links, 场景, 互动, 话术要点, 备注), in running order. The 福袋 falls on every
# full hour, the 秒杀 right after the break, and every link of the lineup is covered once.
SEGMENTS: list[tuple[str, str, int, str, str, str, list[str], str]] = [
    ("开场：主播问好", "开场", 5, "", "全景", "",
     ["欢迎来到澄光美妆专场，今晚4小时36个链接", "整点发福袋，22:10限时秒杀，先点关注不迷路",
      "点赞到1万，提前开第一轮福袋"], "主播、助播同框"),
    ("暖场：9.9元洁面乳宠粉", "暖场", 10, "1", "近景特写", "",
     ["9.9元两支洁面乳，每人限购1单", "新进直播间的宝宝扣1，助播统计人数", "拍完回来扣“已拍”"],
     "库存800，开价后报库存"),
    ("链接2-3：补水面膜 + 美白精华", "产品讲解", 12, "2、3", "商品台", "",
     ["面膜现场上脸，展示服帖不掉", "精华讲成分：377+烟酰胺双美白", "精华送7ml×2，算下来到手4.4折"], ""),
    ("链接4-5：眼霜 + 身体乳", "产品讲解", 11, "4、5", "近景特写", "",
     ["眼霜锆珠按摩头冰感演示", "身体乳樱花香，留香12小时", "两件一起拍再减10元"], ""),
    ("链接6-7：持妆气垫 + 洗护套装", "产品讲解", 11, "6、7", "近景特写", "",
     ["气垫半脸对比，12小时不暗沉", "洗护套装两大瓶1000ml只要69"], "气垫限量300单，不补货"),
    ("链接8：水乳精华5件套", "产品讲解", 11, "8", "商品台", "",
     ["打开礼盒，5件逐一介绍", "烟酰胺+神经酰胺修护屏障", "加赠旅行装4件，送礼自用都合适"], "主推，展示礼盒"),
    ("整点福袋（21:00）", "互动", 5, "", "全景", "福袋",
     ["福袋口令：澄光美妆618", "关注+加入粉丝团才能参与", "开奖前不要离开直播间"], "福袋5分钟开奖"),
    ("链接9-10：紧致面霜 + 防晒", "产品讲解", 11, "9、10", "近景特写", "",
     ["面霜讲品牌故事和专利胶原三肽", "防晒涂抹不泛白，现场泼水测试"], "9号形象款，不主动逼单"),
    ("链接11-12：卸妆油 + 护手霜礼盒", "产品讲解", 11, "11、12", "商品台", "",
     ["卸妆油遇水乳化演示", "护手霜9.9元5支，限购1单"], ""),
    ("链接13-14：口红礼盒 + 沐浴露", "产品讲解", 11, "13、14", "近景特写", "",
     ["口红三色上嘴试色", "沐浴露1升大瓶全家用"], "试色图放第二屏"),
    ("链接15-16：冻干面膜 + 淡香水", "产品讲解", 11, "15、16", "商品台", "",
     ["冻干面膜两步现配", "香水讲前中后调，喷试香纸"], ""),
    ("链接17-18：爽肤水 + A醇精华", "产品讲解", 11, "17、18", "近景特写", "",
     ["爽肤水湿敷演示", "A醇精华讲建立耐受，白天配防晒"], "提醒孕妇慎用A醇"),
    ("整点福袋（22:00）", "互动", 5, "", "全景", "福袋",
     ["福袋口令：美妆专场再来一波", "点赞过20万加开一轮"], ""),
    ("中场休息：主播补妆", "过渡", 5, "", "稍后回来", "",
     ["助播播报下半场福利", "22:10秒杀，先把牙膏加购物车"], "切稍后回来画面，背景音乐"),
    ("限时秒杀：益生菌牙膏", "互动", 10, "19", "商品台", "秒杀",
     ["倒计时5分钟，9.9元三支", "库存1500，抢完不补", "秒杀结束报成交单数"], "助播开秒杀倒计时"),
    ("链接20-21：磨砂膏 + 眉笔套装", "产品讲解", 10, "20、21", "近景特写", "",
     ["磨砂膏手臂半边对比", "眉笔1.5mm极细笔芯现场画眉"], ""),
    ("链接22-23：修护面霜 + 洗发水", "产品讲解", 10, "22、23", "商品台", "",
     ["换季泛红用神经酰胺面霜", "洗发水72小时控油"], ""),
    ("链接24-25：黑金礼盒 + 散粉", "产品讲解", 10, "24、25", "近景特写", "发券",
     ["黑金礼盒讲品牌高端线", "发满299减30券，领完再拍", "散粉定妆喷水测试"], "券提前在后台建好"),
    ("链接26-27：香氛洗护 + 化妆棉", "产品讲解", 10, "26、27", "商品台", "",
     ["洗护3件套大牌同源香", "化妆棉拍1发3包"], ""),
    ("整点福袋（23:00）", "互动", 5, "", "全景", "福袋",
     ["最后一轮福袋，口令：感谢宠粉", "没中的宝宝看下面的福利款"], ""),
    ("链接28-29：洁面仪 + 润唇膏", "产品讲解", 10, "28、29", "近景特写", "",
     ["洁面仪现场起泡演示", "润唇膏可当口红打底"], ""),
    ("链接30-31：精华体验装 + 眼影盘", "产品讲解", 10, "30、31", "商品台", "",
     ["体验装19.9元先试再买正装", "眼影盘大地色日常妆现场画"], ""),
    ("链接32：射频美容仪", "产品讲解", 8, "32", "近景特写", "",
     ["讲射频原理和使用频率", "分期免息，送导入凝胶"], "形象款，价格高，不逼单"),
    ("链接33-34：漱口水 + 美白身体乳", "产品讲解", 9, "33、34", "商品台", "",
     ["0酒精漱口水不刺激", "身体乳377美白，夏天必备"], ""),
    ("链接35-36：保湿喷雾 + 头皮精华", "产品讲解", 8, "35、36", "近景特写", "",
     ["喷雾随时补水，上妆前后都可用", "头皮精华讲控油防脱"], ""),
    ("收尾：返场 + 下场预告", "收尾", 10, "", "全景", "",
     ["返场今晚爆款：链接3、8、24", "预告6月20日护肤专场", "感谢大家，点关注明晚见"], "下播前截数据"),
]

PRODUCT_HEADERS = ["链接号", "商品名称", "品牌介绍", "核心卖点", "利益点", "价格锚点", "引导转化"]
# (链接号, 商品名称, 品牌介绍, 核心卖点, 利益点, 价格锚点, 引导转化)
PRODUCT_SCRIPTS: list[tuple[int, str, list[str], list[str], list[str], list[str], list[str]]] = [
    (1, "澄光 氨基酸洁面乳 100g×2支", ["澄光做了12年温和清洁"],
     ["氨基酸表活，洗后不紧绷", "绵密泡沫一挤即出", "敏感肌可用"],
     ["今天两支装", "每人限购1单"], ["日常价69元", "直播间9.9元到手两支"], ["9.9元就当交个朋友", "拍完扣“已拍”"]),
    (2, "青屿 玻尿酸补水面膜 10片/盒", ["青屿主打补水面膜"],
     ["5重玻尿酸深层补水", "天丝膜布服帖不掉"], ["前100单加赠5片"], ["日常价129元", "直播间39.9元"],
     ["前100单有赠品，手快有"]),
    (3, "澄光 377美白精华液 30ml", ["澄光美白线明星单品"],
     ["377+烟酰胺双美白", "28天肉眼可见提亮", "质地清爽秒吸收"], ["送同款精华7ml×2"],
     ["日常价299元", "直播间199元", "算上赠品相当于4.4折"], ["今晚的价格全年最低", "库存600，拍完即止"]),
    (6, "岚舍 持妆气垫 12g 赠替换芯", ["岚舍专注底妆"],
     ["12小时持妆不暗沉", "轻薄遮瑕不卡粉"], ["赠同款替换芯"], ["日常价189元", "直播间19.9元"],
     ["限量300单，开价后不补货"]),
    (8, "澄光 水乳精华套装 5件套", ["澄光修护系列"],
     ["水+乳+精华+面霜+眼霜5件套", "烟酰胺+神经酰胺修护屏障"], ["加赠旅行装4件", "礼盒包装"],
     ["日常价599元", "直播间329元"], ["送礼自用都有面子", "今晚下单明天发货"]),
    (9, "澄光 臻颜紧致面霜 50g", ["澄光高端抗老线，法国进口原料"],
     ["专利胶原三肽", "28天紧致提拉"], ["送同款小样15g"], ["日常价899元", "直播间699元"],
     ["喜欢的宝宝可以先加购"]),
    (13, "岚舍 丝绒雾面口红 3支礼盒", ["岚舍彩妆"],
     ["正红+豆沙+奶茶3色", "丝绒雾面不拔干", "持久不沾杯"], ["礼盒装送手提袋"], ["日常价297元", "直播间149元，一支不到50"],
     ["三个颜色一次配齐"]),
    (19, "溪木 益生菌牙膏 120g×3支", ["溪木家庭洗护"],
     ["益生菌清新口气", "亮白去渍"], ["3支家庭装"], ["日常价49元", "秒杀价9.9元"],
     ["秒杀倒计时，抢完不补"]),
    (24, "澄光 黑金礼盒（水+乳+霜+精华）", ["澄光高端线，黄金胶原修护"],
     ["四件套完整护肤", "专属刻字礼盒"], ["可用满299减30券"], ["日常价1599元", "直播间1199元，用券再减30"],
     ["七夕送礼首选", "刻字名额有限"]),
    (28, "素研 声波洁面仪", ["素研专注美容小家电"],
     ["声波清洁每分钟9000次", "IPX7防水", "充一次电用90天"], ["送替换刷头1个"], ["日常价399元", "直播间259元"],
     ["现场起泡给大家看清洁力"]),
    (32, "青屿 射频美容仪", ["青屿美容仪器线"],
     ["多极射频", "三档温控", "每周三次"], ["12期免息", "送导入凝胶2支"], ["日常价2999元", "直播间1999元"],
     ["分期每天不到6元"]),
    (36, "溪木 头皮护理精华 60ml", ["溪木头皮护理"],
     ["控油防脱", "滚珠按摩头"], ["买一送旅行装"], ["日常价159元", "直播间119元"], ["头皮油的宝宝一定试试"]),
]


def _clock(minute: int) -> str:
    hours, minutes = divmod(minute, 60)
    return f"{hours:02d}:{minutes:02d}"


def segment_rows() -> list[list[object]]:
    rows: list[list[object]] = []
    minute = START_MINUTE
    for title, kind, minutes, links, scene, interaction, points, note in SEGMENTS:
        link_cell: object = int(links) if links.isdigit() else links
        rows.append([
            f"{_clock(minute)}-{_clock(minute + minutes)}", title, kind, f"{minutes}分钟", link_cell or None,
            scene, interaction or None, "\n".join(f"{i}. {p}" for i, p in enumerate(points, 1)), note or None,
        ])
        minute += minutes
    assert minute == START_MINUTE + 240, "the demo session runs four hours"
    return rows


def write_xlsx(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "整场脚本"
    thin = Side(style="thin", color="BBBBBB")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    last = chr(ord("A") + len(HEADERS) - 1)
    sheet.append([TITLE])
    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"].font = Font(bold=True, size=16)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append([INFO])
    sheet.merge_cells(f"A2:{last}2")
    sheet.append(HEADERS)
    for cell in sheet[3]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="C0392B")
        cell.border = border
    hour_fill = PatternFill("solid", fgColor="FDEBD0")
    for row in segment_rows():
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            cell.border = border
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if row[6]:
                cell.fill = hour_fill
    for letter, width in zip("ABCDEFGHI", (13, 30, 10, 8, 9, 11, 7, 52, 26)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A4"

    products = workbook.create_sheet("单品脚本")
    products.append(PRODUCT_HEADERS)
    for cell in products[1]:
        cell.font = Font(bold=True)
        cell.border = border
    for link, title, *lines in PRODUCT_SCRIPTS:
        products.append([link, title, *("\n".join(entry) for entry in lines)])
        for cell in products[products.max_row]:
            cell.border = border
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEFG", (7, 30, 24, 30, 22, 24, 26)):
        products.column_dimensions[letter].width = width
    products.freeze_panes = "A2"
    workbook.save(path)
    workbook.close()


if __name__ == "__main__":
    write_xlsx(HERE / "demo_script.xlsx")
    print(HERE / "demo_script.xlsx")
