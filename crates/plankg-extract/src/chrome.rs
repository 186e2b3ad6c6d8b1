//! Site chrome: the navigation, disclaimers, counters, download prompts, footers and
//! page markers that web pages and document-sharing sites wrap around a plan. None of
//! it belongs to the plan (ANNOTATION.md, issue 3), so whole lines that match are left
//! out of the section tree. Recognised by general patterns, never by a site's exact
//! wording: a line is chrome when it carries a typical chrome word and is short, or
//! has a shape no plan sentence has (a bare page number, a "key: value" header).

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use crate::patterns::{static_regex, static_set};

use crate::lines::Line;
use crate::markers::marker_at;
use crate::normalise::is_han;

/// Patterns that mark a line as chrome whatever its length: nobody writes these
/// inside a plan.
static ANY_LENGTH: LazyLock<RegexSet> = LazyLock::new(|| {
    static_set(&[
        // disclaimers and copyright notices
        r"申明敬告|本站|本网站|免责声明|版权所有|版权归|版权说明|版权均|Copyright|©",
        // registration numbers of sites
        r"ICP备|ICP证|公网安备|网站标识码",
        // upload and download prompts of document-sharing sites
        r"用户上传|上传人[:：]|文档编号|下载文档前|仅部分预览|侵犯您的权益|收益归属|客服",
        r"全文共\d+字|会员学习|会员可|【点此|【刷新|【登录",
        // page thumbnails and markers of paged viewers
        r"^第\s*\d+\s*页\s*[/／]?\s*共\s*\d+\s*页$",
        r"_第\d+页$",
        r"已阅读\d+页",
        // breadcrumbs
        r"当前位置|您的位置|当前您的位置|首页\s*[>＞»]|[>＞]\s*正文$",
    ])
});

/// Patterns that mark a short line as chrome: these words also occur in plan
/// sentences (注册, 下载, 来源), so only a short line that carries them is chrome.
static SHORT_LINE: LazyLock<RegexSet> = LazyLock::new(|| {
    static_set(&[
        // neighbouring articles and recommendations
        r"上一篇|下一篇|相关文章|相关推荐|相关阅读|您可能关注|猜你喜欢|热门文章|推荐阅读|推荐度",
        // counters and reading aids
        r"点击数|点击量|浏览次数|阅读次数|阅读量|已被浏览|累计次数|人气|人氣|字号|字体[:：]|视力保护色",
        r"打印本页|关闭窗口|分享到|收藏(本|到|夹)|加入收藏|^收藏|扫一扫|二维码|关注官方微信|微信公众号",
        // "more" links and prompts
        r"查看更多|展开全文|点击查看|立即了解|阅读全文|继续免费阅读|继续阅读",
        // downloads and accounts
        r"下载本|文档下载|WORD下载|免费下载|点击下载|^下载|^(登录|登陆|注册|退出)|登录.{0,3}注册|注册.{0,3}登录",
        r"繁体版|ENGLISH|网站地图|政务邮箱|信息报送",
        // template-site introductions ("下面是小编为大家整理的…")
        r"小编|供大家参考|范文大全",
        // footers
        r"主办单位|协办单位|承办单位|技术支持|联系方式|联系我们|地址[:：].*电话|邮编|传真|E-?mail[:：]",
        r"\d{3,4}-\d{7,8}",
        r"https?://|www\.",
        r"附件列表",
    ])
});

/// The fields of an article's or a disclosure page's header ("索引号", "发布时间: …",
/// "来 源"), as a pattern.
const HEADER_FIELDS: &str = "索引号|信息分类|主题分类|体裁分类|组配分类|发布机构|发文机关|所属机构|\
    发文日期|成文日期|公开日期|发布日期|生成日期|文号|主题词|信息名称|时效|有效性|公开方式|公开范围|\
    公开时限|来源|发布时间|更新时间|时间|作者|撰稿人|责任编辑|编辑|来源网址|文章来源|网站|访问量|\
    访问次数|页数|今天是|联系人";

/// Whole-line shapes that are chrome: header fields ("发布时间: …"), bare page
/// numbers, file sizes, labels of viewer panes.
static SHAPES: LazyLock<RegexSet> = LazyLock::new(|| {
    static_set(&[
        &format!(r"^[【\[]?({HEADER_FIELDS})\s*[:：]"),
        // the controls of a page: one word on its own line
        r"^(打印|图片|视频|搜索|全站搜索|站内搜索|微信|微博|QQ空间|QQ好友|QQ|政府信息公开|信息公开|政务公开|返回顶部|返回|关闭|分享)$",
        // a date without separators ("2018319"), as a page's date stamp
        r"^(19|20)\d{5,6}$",
        r"^\d{1,3}$",
        r"^\d+\s*页$",
        r"^[\d.]+\s*[KMG]B$",
        r"^\d{4}-\d{1,2}-\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*发布$",
        r"^(文档介绍|文档简介|资源描述|内容预览|内容概览|摘要)\s*[:：]?",
        r"^[\s\-–—•·*>|/\\?？]+$",
    ])
});

/// Words of a site's header or footer: a line naming two of them names the site's
/// bodies ("主办:某省教育厅 协办:某大学 技术支持:…"), whatever its length.
static SITE_BODY_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(r"主办|协办|承办|技术支持|版权所有|ICP|网站标识码|联系电话|地址[:：]")
});

/// Licence notices that a wiki or an archive adds to every page; its links break
/// them into fragments over several lines, so they are matched on a block of lines.
static LICENCE: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"属于公有领域|不适用于该法|Public domain|知识共享|CC[- ]BY|维基文库|维基百科|GNU自由文档|本作品(采用|是|在)",
    )
});

/// A line that ends with a dated stamp of a list of articles: "…工作要点 2023-01-12",
/// "[01-12]", "(2023年1月12日)".
static DATED_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日|[\[(]\d{1,2}-\d{1,2}[\])])[\])]?$",
    )
});

/// Lines of a menu are at most this long (characters).
const MENU_ITEM_CHARS: usize = 8;

/// A run of this many menu-like lines is a menu.
const MENU_RUN: usize = 6;

/// A line of this many short words separated by spaces, without punctuation, is a
/// menu written on one line ("首页 机构概况 新闻中心 政务公开 …").
const MENU_WORDS: usize = 5;

/// A run of this many dated title lines is a list of articles.
const DATED_RUN: usize = 2;

/// Longest line of a list of articles (characters).
const DATED_LINE_CHARS: usize = 60;

/// Lines this long or longer are plan text even when they carry a chrome word.
const SHORT_LINE_CHARS: usize = 60;

/// A line whose sentences without chrome words hold this many characters, in at
/// least [`PARAGRAPH_SENTENCES`] sentences, is a paragraph of the plan even when a
/// chrome phrase sits inside it (a disclaimer pasted into the text): losing the
/// paragraph's text would cost more than keeping the phrase.
const PARAGRAPH_CHARS: usize = 40;
const PARAGRAPH_SENTENCES: usize = 2;

/// Whether a line (trimmed) of normalised text is site chrome.
pub(crate) fn is_chrome(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() {
        return true;
    }
    let line = strip_bullet(line);
    if SHAPES.is_match(line) || (ANY_LENGTH.is_match(line) && !is_paragraph(line)) {
        return true;
    }
    if is_field_label(line) {
        return true;
    }
    if is_latin_only(line) || is_menu_line(line) || names_site_bodies(line) {
        return true;
    }
    line.chars().count() < SHORT_LINE_CHARS && SHORT_LINE.is_match(line)
}

/// A header field's label on a line of its own, its value on the next ("索引号",
/// "文 号", "来 源"): spaces inside the label are the page's layout.
fn is_field_label(line: &str) -> bool {
    static LABEL: LazyLock<Regex> =
        LazyLock::new(|| static_regex(&format!(r"^[【\[]?({HEADER_FIELDS})[】\]]?[:：]?$")));
    line.chars().count() <= 12 && {
        let label: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        LABEL.is_match(&label)
    }
}

/// A line without Han characters that holds latin words: a viewer's or a wiki's
/// labels ("Upload: others", "TRANSCRIPT", "p3"), never a line of a Chinese plan.
fn is_latin_only(line: &str) -> bool {
    !line.chars().any(is_han) && line.chars().filter(char::is_ascii_alphabetic).count() >= 2
}

/// A menu on one line: several short words between spaces, no punctuation.
fn is_menu_line(line: &str) -> bool {
    let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
    words.len() >= MENU_WORDS
        && words
            .iter()
            .all(|w| w.chars().count() <= 6 && w.chars().all(is_han))
}

/// A site's header or footer line: two different words of the site's bodies.
fn names_site_bodies(line: &str) -> bool {
    let mut found = SITE_BODY_WORDS.find_iter(line).map(|m| m.as_str());
    found
        .next()
        .is_some_and(|first| found.any(|other| other != first))
}

/// Whether a line could be an item of a menu: short, Han characters only (or with
/// a symbol), not a numbered item.
fn is_menu_item(line: &str) -> bool {
    let chars = line.chars().count();
    chars <= MENU_ITEM_CHARS
        && line.chars().all(|c| is_han(c) || " >»·|/".contains(c))
        && marker_at(line).is_none()
}

/// Whether a line is an item of a list of articles: a title with a date stamp at
/// its end, no sentence in it.
fn is_dated_title(line: &str) -> bool {
    line.chars().count() <= DATED_LINE_CHARS
        && !line.contains(['。', ';', '；'])
        && DATED_TITLE.is_match(line)
}

/// Marks the chrome that only a run of lines shows: menus (runs of short items),
/// lists of articles (runs of dated titles) and licence notices broken over
/// adjacent lines. Lines whose entry in `keep` is true (the rows of a task table)
/// are never marked and end a run.
pub(crate) fn mark_runs(text: &str, lines: &mut [Line], keep: &[bool]) {
    let free = |i: usize| !keep.get(i).copied().unwrap_or(false);
    for (is_item, min_run) in [
        (is_menu_item as fn(&str) -> bool, MENU_RUN),
        (is_dated_title, DATED_RUN),
    ] {
        let mut i = 0;
        while i < lines.len() {
            let run = (i..lines.len())
                .take_while(|&j| free(j) && is_item(&text[lines[j].range.clone()]))
                .count();
            if run >= min_run {
                for line in &mut lines[i..i + run] {
                    line.chrome = true;
                }
            }
            i += run.max(1);
        }
    }
    // Blocks of adjacent lines (no blank line between them) holding a licence notice.
    let mut start = 0;
    while start < lines.len() {
        let mut end = start + 1;
        while end < lines.len()
            && !text[lines[end - 1].range.end..lines[end].range.start].contains("\n\n")
        {
            end += 1;
        }
        let block = &text[lines[start].range.start..lines[end - 1].range.end];
        // Most blocks are one line: only a block of several is joined anew.
        let joined = if block.contains('\n') {
            Cow::Owned(block.replace('\n', ""))
        } else {
            Cow::Borrowed(block)
        };
        if LICENCE.is_match(&joined) && !is_paragraph(block) {
            for (offset, line) in lines[start..end].iter_mut().enumerate() {
                if free(start + offset) {
                    line.chrome = true;
                }
            }
        }
        start = end;
    }
}

/// Whether a line is a paragraph of plan sentences around a chrome phrase.
fn is_paragraph(line: &str) -> bool {
    let (mut sentences, mut chars) = (0, 0);
    for sentence in line.split_inclusive(['。', '！', '？', '!', '?']) {
        if !ANY_LENGTH.is_match(sentence) {
            sentences += 1;
            chars += sentence.chars().count();
        }
    }
    sentences >= PARAGRAPH_SENTENCES && chars >= PARAGRAPH_CHARS
}

/// The line without a leading list bullet of a viewer ("• ", "- ", "1. " before a
/// disclaimer), so the shape patterns see the words.
fn strip_bullet(line: &str) -> &str {
    static BULLET: LazyLock<Regex> =
        LazyLock::new(|| static_regex(r"^(?:[•·\-]\s*|\d+\.\s+\d+、)"));
    match BULLET.find(line) {
        Some(found) => &line[found.end()..],
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_static_pattern_compiles() {
        assert!(!ANY_LENGTH.is_empty());
        assert!(!SHORT_LINE.is_empty());
        assert!(!SHAPES.is_empty());
        for re in [&*SITE_BODY_WORDS, &*LICENCE, &*DATED_TITLE] {
            assert!(!re.as_str().is_empty());
        }
        assert_eq!(strip_bullet("• 本站"), "本站");
        assert!(is_field_label("索引号"));
    }

    #[test]
    fn disclosure_page_fields_and_page_controls_are_chrome() {
        for line in [
            "索引号",
            "文 号",
            "来 源",
            "公开日期",
            "访问量:",
            "今天是:",
            "页数:8页",
            "联系人:王某某",
            "打印",
            "• 微信",
            "• QQ空间",
            "图片",
            "?",
            "全站搜索",
            "政府信息公开",
            "2018319",
        ] {
            assert!(is_chrome(line), "{line}");
        }
        for line in [
            "来源于教学实践的课题要优先立项。",
            "公开招聘教师120名",
            "打印机等设备配备到位",
            "2018年3月19日",
        ] {
            assert!(!is_chrome(line), "{line}");
        }
    }

    fn marked(text: &str) -> Vec<bool> {
        let mut lines = crate::lines::lines_of(text);
        let keep = vec![false; lines.len()];
        mark_runs(text, &mut lines, &keep);
        lines.iter().map(|l| l.chrome).collect()
    }

    #[test]
    fn menus_article_lists_and_split_licences_are_chrome() {
        let menu = "首页\n机构概况\n新闻中心\n政务公开\n通知公告\n教育督导\n一、总体要求\n加强党的建设。\n";
        assert_eq!(
            marked(menu),
            [true, true, true, true, true, true, false, false]
        );
        let related = "相关文章\n市教育局2023年工作要点 2023-01-12\n关于做好2023年招生工作的通知 [01-15]\n加强党的建设。\n";
        assert_eq!(marked(related), [true, true, true, false]);
        let licence =
            "各位代表。\n\n本作品是中华人民共和国的\n法律\n、\n法规\n,属于\n公有领域\n。\n";
        assert_eq!(
            marked(licence),
            [false, true, true, true, true, true, true, true]
        );
        // Short headings of a plan between paragraphs are no menu.
        let plan = "指导思想\n坚持立德树人。\n工作目标\n全面提高质量。\n";
        assert_eq!(marked(plan), [false, false, false, false]);
    }

    #[test]
    fn site_header_and_viewer_labels_are_chrome() {
        assert!(is_chrome(
            "主办:浙江省教育厅 协办:浙江大学 承办:浙江省教育技术中心"
        ));
        assert!(is_chrome("Upload: others"));
        assert!(is_chrome(
            "首页 机构概况 新闻中心 政务公开 政策法规 通知公告"
        ));
        assert!(!is_chrome("配合单位:财务科、人事科"));
        assert!(!is_chrome("2024年12月9日"));
    }

    #[test]
    fn site_lines_are_chrome() {
        for line in [
            "申明敬告: 本站不保证该用户上传的文档完整性,不预览、不比对内容而直接下载产生的反悔问题本站不予受理。",
            "上一篇:某职业技术学院2023年工作要点",
            "点击数: 更新时间:2022-05-25 09:49:32",
            "发布机构: 市教育局 发文日期: 2022-02-14",
            "网站标识码:3207000017 苏ICP备2023017687号 苏公网安备32070502010625号",
            "地址:连云港市苍梧路23号 电话:0518-85822181 E-mail:lygjyj@163.com",
            "第1 页共12 页",
            "县教育局xx年工作计划方案.doc_第3页",
            "首页 > 政务服务 > 文化教育 > 政策法规与解读",
            "下面是小编为大家整理的小学2022年度工作计划,供大家参考。",
            "1. 1、本文档由用户上传,淘文库整理发布,可阅读全部内容。",
            "34",
            "查看更多",
            "相关文章",
        ] {
            assert!(is_chrome(line), "{line}");
        }
    }

    #[test]
    fn a_paragraph_holding_a_disclaimer_is_kept() {
        let paragraph = "加强课程改革,推动综合素质评价改革,减轻学生过重课业负担,提高学生创新能力和实践能力。\
            其次,优化教育资源配置,将优质教育资源更广泛地普及到农村和贫困地区。\
            申明敬告: 本站不保证该用户上传的文档完整性,不预览、不比对内容而直接下载产生的反悔问题本站不予受理。\
            把立德树人融入到思想道德教育、文化知识教育、社会实践教育各环节,\
            构建德智体美劳全面培养的教育体系,健全学校家庭社会协同育人机制。";
        assert!(!is_chrome(paragraph));
    }

    #[test]
    fn plan_lines_are_not_chrome() {
        for line in [
            "2020度市教育局工作计划",
            "一、建设区域教育中心办好人民满意教育",
            "(一)全面提高教育教学质量",
            "2.推动实施重点项目和改革试点。",
            "做好06年小学、初中的招生考试工作。",
            "完善学籍管理,做好新生学籍注册、转学和毕业审核工作,实现全市中小学学籍信息的动态管理和规范化管理。",
        ] {
            assert!(!is_chrome(line), "{line}");
        }
    }
}
