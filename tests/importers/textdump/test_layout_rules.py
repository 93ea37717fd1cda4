"""Reading rules of the ``pdftotext -layout`` reader, one general cause per test."""

from __future__ import annotations

from jixiao.importers.textdump.layout import layout_pages

GOALS = """\
项目名称                                         某项目
                      预期目标                                                        实际完成情况
 年
                                                                1、已推进信息化建设，保障系统安全稳定运
 度
 总      1、推进信息化建设，保障系统安全稳定运行。                                 行。
 体      2、加强项目资金管理，提高资金使用效益。                                    2、已加强项目资金管理。
                                                                3、已完成。
 标      3、强化绩效管理。
"""


def _sides(text: str) -> tuple[str, str]:
    page = layout_pages(text)[0]
    left = "".join(ln.raw for ln in page if ln.block == -2)
    right = "".join(ln.raw for ln in page if ln.block == -1)
    return left, right


def test_goal_line_alone_in_the_right_column_is_actual() -> None:
    # a line printed only in the 实际完成情况 column starts right of the 预期目标 header's
    # centre, even when it starts well left of the 实际完成情况 header
    left, right = _sides(GOALS)
    assert left == "1、推进信息化建设，保障系统安全稳定运行。2、加强项目资金管理，提高资金使用效益。3、强化绩效管理。"
    assert right == "1、已推进信息化建设，保障系统安全稳定运行。2、已加强项目资金管理。3、已完成。"


PIECES = """\
    一级指标   二级指标     三级指标         年度指标值         实际完成值     分值    得分
                   工作机制（3）       健全           健全         1      1
           社会效益指
                   服务质量          提升           提升         2      2
             标
                   社会影响          提高           提高         3      3
           可持续影响
    效益指标
             指标    信息安全          安全           安全         4      4

                   工作机制（4）       健全           健全         5      5
"""


def test_label_printed_only_in_pieces_is_a_marker_centred_on_its_rows() -> None:
    # no whole 二级指标 label on the page: its pieces are told from names by the header's
    # 二级指标 column, and the joined label sits on the middle of its lines
    rows = layout_pages(PIECES)[0].page_rows
    names = [u.name.text for u in rows.units if u.name]
    assert names == ["工作机制（3）", "服务质量", "社会影响", "信息安全", "工作机制（4）"]
    l2 = {lab: line for line, kind, lab in rows.markers if kind == "l2"}
    anchor = {u.name.text: u.name.line for u in rows.units if u.name}
    assert int(l2["社会效益指标"]) == anchor["服务质量"]
    assert int(l2["可持续影响指标"]) == anchor["社会影响"] + 2


TALL = """\
       一级指标   二级指标      三级指标               年度指标值          实际完成值         分值    得分
              质量指标
                        系统可用率               >=90%          90%          3      3
                      系统可用率（2）              >=95%          97%          15     15
                      自评完成时间                3月底前          按期完成          4      4
              时效指标
                      项目完成及时性                及时             及时          4      4
                                         安全，加强项目         安全，加强项目
                                         资金管理，提高         资金管理，提高
 绩
                                         资金使用效益。         资金使用效益。
 效                      信息安全                                            7      7
 指                                       并贯彻落实年度         并贯彻落实年度
 标                                       工作部署，完成         工作部署，完成
                                          各项任务。           各项任务。
                                         进一步提升，推         进一步提升，推
                                         进信息化建设，         进信息化建设，
                                         保障系统安全稳         保障系统安全稳
              社会效益指     服务质量             定运行。并加强         定运行。并加强        2      2
       效益指标
                标                        项目资金管理，         项目资金管理，
                                         提高资金使用效         提高资金使用效
                                            益。              益。
                                         安全，加强项目         安全，加强项目
                                         资金管理，提高         资金管理，提高
                                         资金使用效益。         资金使用效益。
                      信息安全（2）            并按计划开展培         并按计划开展培        12     12
                                         训、调研和宣传         训、调研和宣传
                                         工作，提升服务         工作，提升服务
                                           水平。             水平。
"""


def test_tall_cells_are_cut_together_down_the_page() -> None:
    # each wrapped cell is centred on its row; cutting one pair of rows at a time left
    # 服务质量's first lines with the row above (they had been given to the row below it)
    rows = layout_pages(TALL)[0].page_rows
    target = {u.name.text: u.target.text for u in rows.units if u.name and u.target}
    assert target["项目完成及时性"] == "及时"
    assert target["信息安全"] == "安全，加强项目资金管理，提高资金使用效益。并贯彻落实年度工作部署，完成各项任务。"
    assert target["服务质量"] == "进一步提升，推进信息化建设，保障系统安全稳定运行。并加强项目资金管理，提高资金使用效益。"
    assert target["信息安全（2）"] == "安全，加强项目资金管理，提高资金使用效益。并按计划开展培训、调研和宣传工作，提升服务水平。"


BESIDE = """\
       一级指标   二级指标      三级指标              年度指标值            实际完成值          分值     得分
                                                                                          及改进措施
              数量指标    检查单位家数               ≥1299家              1820家      14      14
                        系统可用率               >=80%              80%        15      15
              质量指标    系统可用率（2）              >=95%              97%        3       3
       产出指标           资料归档完整率               >=95%              99%         7      7
                      平均响应时间               <=30分钟              10分钟       9       9
              时效指标    平均响应时间
                                           <=30分钟              14分钟       2       2
                        （2）
                                        社会满意度持续           社会满意度持续
                        社会影响                                              6       6
                                           提高                提高
 绩            社会效益指
                                        社会满意度持续           社会满意度持续
 效              标     社会影响（2）                                             9       9
                                           提高                提高
 指
 标                      信息安全                  安全               安全         2       2
       效益指标
"""


def test_label_pieces_before_a_name_on_its_line_do_not_count_as_cells() -> None:
    # 效 (vertical 绩效指标) and 标 (wrapped 社会效益指标) precede 社会影响（2） on its line:
    # three pieces before the weight, yet not name, target and actual
    rows = layout_pages(BESIDE)[0].page_rows
    row = next(u for u in rows.units if u.weight and u.weight.text == "9" and u.score and u.score.text == "9" and u.name and "社会影响" in u.name.text)
    assert row.name is not None and row.name.text == "社会影响（2）"
    assert row.target is not None and row.target.text == "社会满意度持续提高"
    assert row.actual is not None and row.actual.text == "社会满意度持续提高"


TWINS = """\
    一级指标   二级指标     三级指标         年度指标值         实际完成值     分值    得分
                         各类培训出勤率                 >=90%           90%            2     2
                       交流、招录、培训工作
                                  科学合理、公开透明 科学合理、公开透明                           4     4
                          总体安排

                             培训内容
                                             针对性、统筹性和实 针对性、统筹性和实
                                                                                  3     3
                                               效性良好       效性良好
                         各类培训考试通过率      >=95%      96%      2      2
"""


def test_the_same_words_twice_on_a_line_are_target_and_actual() -> None:
    # text wider than its column starts left of it: the pair is told by its repetition
    rows = layout_pages(TWINS)[0].page_rows
    cells = {u.name.text: (u.target and u.target.text, u.actual and u.actual.text) for u in rows.units if u.name}
    assert cells["交流、招录、培训工作总体安排"] == ("科学合理、公开透明", "科学合理、公开透明")
    assert cells["培训内容"] == ("针对性、统筹性和实效性良好", "针对性、统筹性和实效性良好")


LO_HEAD = """\
                                       财政项目支出绩效自评表
                                                  (2024 年度)
项目名称                                                  档案数字化项目12

主管部门                   市交通委员会                          实施单位                              市生态环境局执法总队

                                 年初预算数                全年预算数                全年执行数             分值    执行率         得分

            年度资金总额                     5,063.22               5,063.22            3,889.57   10    76.82%      7.68
项目资金（万
           其中：当年财政拨款                   4,443.99               4,443.99            3,413.88   —
  元）
            上年结转资金                 -                      -                   -              —

                其他资金                    619.23                 619.23              475.69    —

年                               预期目标                                                         实际完成情况
度
总                                                                        1、已推进信息化建设，保障系统安全稳定运行。2、已加强项目
         1、推进信息化建设，保障系统安全稳定运行。2、加强项目资金管理，提高资
体                                                                        资金管理，提高资金使用效益。3、按计划开展培训、调研和宣传
         金使用效益。3、按计划开展培训、调研和宣传工作，提升服务水平。4、强化
目                                                                        工作，提升服务水平。4、强化绩效管理，确保项目按期保质完成
         绩效管理，确保项目按期保质完成。
标                                                                        。

                                                                                                            偏差原因分析及改进
         一级指标     二级指标           三级指标                 年度指标值                实际完成值             分值     得分
                                                                                                               措施

"""


FOOTER = """\
       一级指标   二级指标      三级指标               年度指标值          实际完成值         分值    得分
              质量指标
                        系统可用率               >=90%          90%          3      3
                      系统可用率（2）              >=95%          97%          15     15
                      自评完成时间                3月底前          按期完成          4      4
              时效指标
                                               绩效管理，确保项目            绩效管理，确保项目
                                                按期保质完成。              按期保质完成。


绩
效
指
标                                              第 18 页 / 共 25 页
\f                                                                               偏差原因分析及改进
    一级指标     二级指标       三级指标           年度指标值          实际完成值      分值    得分
                                                                                  措施
绩
效                                  健全，推进信息化建         健全，推进信息化建
指                                  设，保障系统安全稳         设，保障系统安全稳
标                      工作机制（3）     定运行。并加强项目         定运行。并加强项目   1      1
"""


def test_wrapped_unit_label_and_a_lone_full_stop_in_the_header() -> None:
    # 项目资金（万 / 元） wraps in its narrow cell with a fund row printed between; the
    # 。 that ends 实际完成情况 is printed alone on the vertical label's last line
    page = layout_pages(LO_HEAD)[0]
    assert any(ln.raw.strip() == "项目资金（万元）" for ln in page)
    actual = "".join(ln.raw for ln in page if ln.block == -1)
    assert actual.endswith("确保项目按期保质完成。")


def test_footer_beside_a_vertical_label_and_the_next_pages_header_line() -> None:
    # 标 beside the page footer does not make it a cell line; the continuation page's
    # wrapped 偏差原因分析及改进 above its header is not header text (not a late goal)
    first, second = layout_pages(FOOTER)
    assert all("页" not in (u.target.text if u.target else "") for u in first.page_rows.units)
    assert not any("偏差原因" in ln.raw for ln in second)


LO_GOALS = """\
项目名称                                         某项目
                                预期目标                                                   实际完成情况


年
度                                            1、强化绩效管理，确保项目按期保质完成。2、按计划开展培训
         1、强化绩效管理，确保项目按期保质完成。2、按计划开展培训、调研和宣传
总                                            、调研和宣传工作，提升服务水平。3、强化绩效管理，确保项目
         工作，提升服务水平。3、强化绩效管理，确保项目按期保质完成。4、推进信
体                                            按期保质完成。4、已推进信息化建设，保障系统安全稳定运行。
         息化建设，保障系统安全稳定运行。5、推进信息化建设，保障系统安全稳定运
目                                            5、已推进信息化建设，保障系统安全稳定运行。6、已推进信息
         行。6、推进信息化建设，保障系统安全稳定运行。7、贯彻落实年度工作部署
标                                            化建设，保障系统安全稳定运行。7、贯彻落实年度工作部署，完
         ，完成各项任务。8、加强项目资金管理，提高资金使用效益。
                                             成各项任务。8、已加强项目资金管理，提高资金使用效益。
"""


CONTINUED = """\
指
标
    效益指标

                                                                               偏差原因分析及改进
    一级指标     二级指标       三级指标           年度指标值          实际完成值      分值    得分
                                                                                  措施


                                   社会满意度持续提高         社会满意度持续提高
                                   ，加强项目资金管理         ，加强项目资金管理
                                   ，提高资金使用效益         ，提高资金使用效益
                       社会影响（3）                                   10     10
                                   。并推进信息化建设         。并推进信息化建设
                                   ，保障系统安全稳定         ，保障系统安全稳定
                                      运行。               运行。

"""


def test_goal_columns_told_apart_by_position_are_kept_as_they_are() -> None:
    # the left column's line starting with "，" (a sentence broken before its comma) must
    # not be re-sorted by numbering into the right column
    from jixiao.importers.textdump.goals import read_goals

    found = read_goals(list(layout_pages(LO_GOALS)[0]))
    assert str(found["goals.expected"].value).endswith("7、贯彻落实年度工作部署，完成各项任务。8、加强项目资金管理，提高资金使用效益。")
    assert str(found["goals.actual"].value).endswith("7、贯彻落实年度工作部署，完成各项任务。8、已加强项目资金管理，提高资金使用效益。")


def test_label_pieces_above_a_continued_tables_header_go_to_the_table() -> None:
    # 指 / 标 of the vertical label and 效益指标 continued from the page before are printed
    # above the repeated header: not header text (a late goal paragraph), but markers
    page = layout_pages(CONTINUED)[0]
    assert not [ln.raw for ln in page if ln.raw.strip()]
    assert any(kind == "l1" and lab == "效益指标" for _, kind, lab in page.page_rows.markers)
    assert [u.name.text for u in page.page_rows.units if u.name] == ["社会影响（3）"]


PAIR_ALONE = """\
    一级指标   二级指标     三级指标         年度指标值         实际完成值     分值    得分
                    信息安全         安全           安全         6      6
                               建立并有效运          建立并有效运
                   长效管理机制      行，按计划开展         行，按计划开展
                                                         4      4
                     （2）       培训。             培训。
                   服务对象满意度         >=98%         98%     10     10
"""


def test_a_score_pair_alone_on_its_line_is_no_page_number() -> None:
    # "4      4" joins to "44", which a page-number pattern ("- 44 -") would also match
    rows = layout_pages(PAIR_ALONE)[0].page_rows.units
    got = [(u.name and u.name.text, u.weight and u.weight.text, u.score and u.score.text) for u in rows]
    assert ("长效管理机制（2）", "4", "4") in got
    assert len([g for g in got if g[0]]) == 3


ALL_WRAPPED = """\
    一级指标   二级指标     三级指标         年度指标值         实际完成值     分值    得分
                   参训单位满意度          >=85%         87%     2    2
                   服务对象满意度          >=95%         96%     3    3
\f
    一级指标   二级指标     三级指标         年度指标值         实际完成值   分值    得分
效   满意度指   服务对象满   培训学员满意度
                                   =100%        100%   5      5
指     标     意度指标     （3）
"""


def test_a_page_whose_rows_all_wrap_reads_its_columns_from_the_page_before() -> None:
    # no line of page 2 prints name, target and actual side by side, so its own lines
    # cannot place the columns; the layout runs on from page 1
    page2 = layout_pages(ALL_WRAPPED)[1].page_rows.units
    named = [u for u in page2 if u.name]
    assert [(u.name.text, u.target.text, u.actual.text) for u in named if u.target and u.actual] == [("培训学员满意度（3）", "=100%", "100%")]
