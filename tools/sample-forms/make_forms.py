#!/usr/bin/env python3
"""Writes the demo hall's sample forms (QueueService/forms/*.pdf) from the specs below with headless Chromium.

The forms are blank application forms in the style halls hand out (示范文本): a title, the form's rows as a table
with empty cells to fill in, and the notes. Run it after changing a spec: python3 tools/sample-forms/make_forms.py
"""
import html
import pathlib
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "QueueService" / "forms"

FORMS = {
    "company-registration-application.pdf": {
        "title": "企业设立登记申请书（示范文本）",
        "subtitle": "示范县政务服务中心 · 企业开办专区",
        "rows": ["企业名称", "统一社会信用代码（设立时不填）", "住所（经营场所）", "法定代表人姓名", "法定代表人身份证件号码",
                 "注册资本（万元）", "企业类型", "经营范围", "股东（发起人）名称或姓名及出资额", "联系电话", "电子邮箱"],
        "notes": ["请使用黑色钢笔或签字笔填写，字迹清楚，不得涂改。",
                  "经营范围按《经营范围规范表述目录》选填。",
                  "提交本申请书时一并提交公司章程、股东主体资格证明、法定代表人及董事、监事、经理的任职文件。",
                  "本表仅为示范文本，以登记机关窗口提供的表格为准。"],
    },
    "real-estate-registration-application.pdf": {
        "title": "不动产登记申请书（示范文本）",
        "subtitle": "示范县政务服务中心 · 不动产登记专区",
        "rows": ["登记类型（首次 / 转移 / 变更 / 注销 / 抵押）", "不动产坐落", "不动产单元号", "权利人姓名或名称", "权利人身份证件号码",
                 "义务人姓名或名称", "义务人身份证件号码", "共有情况", "面积（平方米）", "用途", "联系电话"],
        "notes": ["申请人应当对申请材料的真实性负责。",
                  "委托他人代为申请的，应当提交授权委托书及受托人身份证件。",
                  "本表仅为示范文本，以不动产登记机构窗口提供的表格为准。"],
    },
    "social-insurance-registration.pdf": {
        "title": "社会保险登记表（个人）",
        "subtitle": "示范县政务服务中心 · 社会保障窗口",
        "rows": ["姓名", "性别", "民族", "出生日期", "公民身份号码", "户籍所在地", "现居住地址", "参保险种（养老 / 医疗 / 失业 / 工伤）",
                 "参保单位（灵活就业人员不填）", "联系电话"],
        "notes": ["本人签名确认所填信息真实、准确。",
                  "办理时请携带本人有效身份证件原件。",
                  "本表仅为示范文本，以社会保险经办机构窗口提供的表格为准。"],
    },
}

PAGE = """<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
@page {{ size: A4; margin: 20mm 18mm; }}
body {{ font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 12pt; color: #000; }}
h1 {{ text-align: center; font-size: 20pt; margin: 0 0 4pt; letter-spacing: 2pt; }}
p.sub {{ text-align: center; margin: 0 0 14pt; font-size: 10.5pt; }}
table {{ width: 100%; border-collapse: collapse; }}
td {{ border: 1px solid #000; padding: 9pt 8pt; vertical-align: top; }}
td.label {{ width: 38%; }}
ol {{ font-size: 10.5pt; line-height: 1.6; padding-left: 18pt; }}
.sign {{ margin-top: 22pt; display: flex; justify-content: space-between; }}
</style><h1>{title}</h1><p class="sub">{subtitle}</p><table>{rows}</table>
<div class="sign"><span>申请人（签字或盖章）：</span><span>年　　月　　日</span></div>
<h2 style="font-size:12pt;margin-top:20pt">填表说明</h2><ol>{notes}</ol></html>"""


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for name, spec in FORMS.items():
            page = pathlib.Path(work) / (name + ".html")
            page.write_text(PAGE.format(
                title=html.escape(spec["title"]), subtitle=html.escape(spec["subtitle"]),
                rows="".join(f'<tr><td class="label">{html.escape(r)}</td><td></td></tr>' for r in spec["rows"]),
                notes="".join(f"<li>{html.escape(n)}</li>" for n in spec["notes"])), encoding="utf-8")
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            f"--print-to-pdf={OUT / name}", page.as_uri()], check=True, capture_output=True)
            print(OUT / name)


if __name__ == "__main__":
    main()
