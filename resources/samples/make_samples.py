"""Writes the demo lineup (6月18日 美妆专场) as operators send it: an .xlsx and a GB18030 .csv.

Run `python resources/samples/make_samples.py` from anywhere; the files are the app's demo session.
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = Path(__file__).resolve().parent
TITLE = "6月18日 美妆专场 排品表"
HEADERS = ["序号", "商品名称", "货号", "原价", "直播价", "库存", "类型", "核心卖点", "主图", "备注"]

# (商品名称, 货号, 原价, 直播价, 库存, 类型, 核心卖点, 备注) in the order the host sells them:
# open on a 引流款, keep a 福利款 close by, warm the room up again every few links.
PRODUCTS: list[tuple[str, str, object, object, int, str, list[str], str]] = [
    ("澄光 氨基酸洁面乳 100g×2支", "CG-JM100", 69, 9.9, 800, "引流款",
     ["氨基酸表活，洗后不紧绷", "绵密泡沫一挤即出", "敏感肌可用", "2支装到手200g"], "每人限购1单"),
    ("青屿 玻尿酸补水面膜 10片/盒", "QY-MM10", 129, 39.9, 1500, "福利款",
     ["5重玻尿酸深层补水", "天丝膜布服帖不掉", "精华液加量30%"], "前100单加赠5片"),
    ("澄光 377美白精华液 30ml", "CG-JH30", 299, 199, 600, "利润款",
     ["1. 377+烟酰胺双美白成分", "2. 28天肉眼可见提亮", "3. 质地清爽秒吸收", "4. 送同款精华7ml×2"],
     "主推，讲解8分钟"),
    ("素研 多肽紧致眼霜 20g", "SY-YS20", 259, 159, 500, "利润款",
     ["五胜肽淡化细纹", "锆珠按摩头冰感消肿", "熬夜党黑眼圈救星"], ""),
    ("沐初 樱花烟酰胺身体乳 400ml", "MC-SR400", 89, 59, 1000, "常规款",
     ["烟酰胺提亮肤色", "樱花香氛留香12小时", "清爽不粘腻", "秋冬不起皮"], ""),
    ("岚舍 持妆气垫 12g 赠替换芯", "LS-QD12", 189, 19.9, 300, "引流款",
     ["12小时持妆不暗沉", "轻薄遮瑕不卡粉", "赠同款替换芯"], "限量300单，开价后不补货"),
    ("溪木 无硅油洗护套装 500ml+500ml", "XM-XH1000", 159, 69, 800, "福利款",
     ["无硅油配方", "控油蓬松48小时", "修护干枯毛躁", "2大瓶到手1000ml"], ""),
    ("澄光 水乳精华套装 5件套", "CG-SRTZ5", 599, 329, 400, "利润款",
     ["①水+乳+精华+面霜+眼霜5件套", "②烟酰胺+神经酰胺修护屏障", "③送礼自用都有面子", "④加赠旅行装4件"],
     "套装讲解时展示礼盒"),
    ("澄光 臻颜紧致面霜 50g", "CG-MS50", 899, 699, 100, "形象款",
     ["专利胶原三肽", "28天紧致提拉", "法国进口原料", "品牌旗舰店同款"], "品牌形象款，不主动逼单"),
    ("青屿 水光防晒霜 SPF50+ 50ml", "QY-FS50", 169, 99, 800, "利润款",
     ["SPF50+ PA++++高倍防护", "水感质地不泛白", "妆前可用", "防水防汗"], ""),
    ("素研 植物卸妆油 200ml", "SY-XZY200", 129, 79, 600, "常规款",
     ["植物油溶妆不闷痘", "遇水乳化一冲即净", "眼唇可用"], ""),
    ("沐初 护手霜礼盒 30g×5支", "MC-HSS5", 59, 9.9, 1000, "引流款",
     ["5种香型一次集齐", "乳木果油滋润不油腻", "小巧便携放包里"], "每人限购1单"),
    ("岚舍 丝绒雾面口红 3支礼盒", "LS-KH3", 297, 149, 600, "利润款",
     ["正红+豆沙+奶茶3色", "丝绒雾面不拔干", "持久不沾杯", "礼盒装送女友"], "试色图放第二屏"),
    ("溪木 氨基酸沐浴露 1L", "XM-MY1000", 99, 39.9, 1200, "福利款",
     ["氨基酸温和洁净", "1L大瓶全家可用", "持久留香", "洗后不假滑"], ""),
    ("青屿 胶原蛋白冻干面膜 20片", "QY-DG20", 398, 229, 300, "利润款",
     ["冻干技术锁住活性", "2步现配更新鲜", "紧致提亮", "20片一个疗程"], ""),
    ("岚舍 高定淡香水 50ml", "LS-XS50", 680, 520, 80, "形象款",
     ["法国调香师联名", "前调佛手柑，后调雪松", "留香8小时", "礼盒含手提袋"], ""),
    ("澄光 积雪草修护爽肤水 200ml", "CG-SFS200", 139, 89, 500, "常规款",
     ["积雪草舒缓泛红", "二次清洁补水", "敏感肌友好"], ""),
    ("素研 A醇抗老精华 30ml", "SY-AC30", 359, 239, 400, "利润款",
     ["0.1%微囊A醇", "淡化细纹，改善粗糙", "新手建立耐受友好", "白天搭配防晒使用"], "提醒孕妇慎用"),
    ("溪木 益生菌牙膏 120g×3支", "XM-YG3", 49, 9.9, 1500, "引流款",
     ["益生菌清新口气", "亮白去渍", "3支家庭装"], ""),
    ("沐初 海盐身体磨砂膏 250g", "MC-MSG250", 89, 29.9, 800, "福利款",
     ["天然海盐温和去角质", "改善鸡皮肤", "磨后滑嫩"], ""),
    ("岚舍 双头眉笔+眉粉套装", "LS-MB2", 139, 79, 600, "利润款",
     ["极细1.5mm笔芯根根分明", "防水防汗不晕妆", "附赠替换芯3支"], ""),
    ("青屿 神经酰胺修护面霜 50g", "QY-XHMS50", 239, 159, 500, "利润款",
     ["神经酰胺修护屏障", "换季泛红救星", "质地绵润不厚重"], ""),
    ("溪木 控油蓬松洗发水 500ml", "XM-XF500", 79, 49.9, 800, "常规款",
     ["无硅油", "72小时控油", "头皮清爽不扁塌"], ""),
    ("澄光 黑金礼盒（水+乳+霜+精华）", "CG-HJLH", 1599, 1199, 50, "形象款",
     ["品牌高端线", "黄金胶原修护", "七夕送礼首选", "专属刻字礼盒"], "主播重点讲品牌故事"),
    ("岚舍 柔焦控油散粉 8g", "LS-SF8", 129, 49, 600, "福利款",
     ["控油定妆12小时", "柔焦磨皮效果", "细腻不假面"], ""),
    ("沐初 香氛洗护3件套", "MC-XF3", 269, 159, 500, "利润款",
     ["洗发+护发+沐浴3件套", "大牌同源香精", "留香一整天", "沙龙级修护"], ""),
    ("青屿 纯棉化妆棉 222片×3包", "QY-HZM3", 39, 6.9, 2000, "引流款",
     ["100%纯棉", "超薄可拆5层", "省水湿敷"], "拍1发3包"),
    ("素研 声波洁面仪", "SY-JMY", 399, 259, 200, "利润款",
     ["声波清洁每分钟9000次", "硅胶刷头温和亲肤", "IPX7防水", "充一次电用90天"], "现场演示起泡"),
    ("沐初 蜂蜡润唇膏 2支装", "MC-CG2", 59, 35, 1000, "常规款",
     ["天然蜂蜡滋润", "淡化唇纹", "可作口红打底"], ""),
    ("澄光 精华体验装 7ml×4支", "CG-XY4", 99, 19.9, 1000, "福利款",
     ["4支主推精华一次试用", "出差旅行便携", "回购正装可抵扣20元"], "每人限购2件"),
    ("岚舍 大地色眼影盘 9色", "LS-YY9", 239, 139, 400, "利润款",
     ["日常大地色+派对珠光", "粉质细腻显色", "不飞粉", "新手友好"], ""),
    ("青屿 射频美容仪", "QY-SPY", 2999, 1999, 30, "形象款",
     ["三段射频紧致轮廓", "智能温控不烫脸", "赠配套凝胶", "2年质保"], "高客单，讲解时放对比图"),
    ("溪木 0酒精漱口水 500ml×2瓶", "XM-SKS2", 69, 39.9, 800, "常规款",
     ["0酒精不刺激", "清新口气12小时", "两瓶装"], ""),
    ("素研 377美白身体乳 250ml", "SY-MB250", 159, 89, 600, "利润款",
     ["377美白成分", "改善暗沉", "香味淡雅"], ""),
    ("澄光 舒缓保湿喷雾 150ml", "CG-PW150", 79, 49, 500, "常规款",
     ["随时补水", "细腻喷雾不花妆", "舒缓晒后"], ""),
    ("溪木 头皮护理精华 60ml", "XM-TP60", 199, 119, 400, "利润款",
     ["生姜+咖啡因滋养头皮", "减少断发", "滴管设计精准用量", "每晚按摩3分钟"], "下播前返场"),
]


def rows() -> list[list[object]]:
    return [
        [number, title, sku, list_price, live_price, stock, category, "\n".join(points),
         f"images/{sku}.jpg", remark]
        for number, (title, sku, list_price, live_price, stock, category, points, remark)
        in enumerate(PRODUCTS, start=1)
    ]


def write_xlsx(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "排品表"
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet["A1"].font = Font(size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 30
    sheet.append(HEADERS)
    thin = Side(style="thin", color="BFBFBF")
    for cell in sheet[2]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="C0504D")
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for row in rows():
        sheet.append(row)
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column in (2, 8, 10))
        row[3].number_format = row[4].number_format = "0.00"
    for letter, width in zip("ABCDEFGHIJ", (6, 34, 12, 9, 9, 8, 9, 34, 24, 24)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "C3"
    workbook.save(path)
    workbook.close()


def write_csv(path: Path) -> None:
    # As Excel's "CSV (逗号分隔)" saves it on Chinese Windows: GBK-family bytes, CRLF, and the
    # merged title becomes a first line padded with commas.
    with path.open("w", encoding="gb18030", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow([TITLE] + [""] * (len(HEADERS) - 1))
        writer.writerow(HEADERS)
        writer.writerows(rows())


if __name__ == "__main__":
    write_xlsx(HERE / "demo_lineup.xlsx")
    write_csv(HERE / "demo_lineup_gbk.csv")
    print(f"wrote {len(PRODUCTS)} products to {HERE}")
