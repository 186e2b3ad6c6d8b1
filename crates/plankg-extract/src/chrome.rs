//! Site chrome: the navigation, disclaimers, counters, download prompts, footers and
//! page markers that web pages and document-sharing sites wrap around a plan. None of
//! it belongs to the plan (ANNOTATION.md, issue 3), so whole lines that match are left
//! out of the section tree. Recognised by general patterns, never by a site's exact
//! wording: a line is chrome when it carries a typical chrome word and is short, or
//! has a shape no plan sentence has (a bare page number, a "key: value" header).

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

/// Patterns that mark a line as chrome whatever its length: nobody writes these
/// inside a plan.
static ANY_LENGTH: LazyLock<RegexSet> = LazyLock::new(|| {
    build_set(&[
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
    build_set(&[
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
        r"主办单位|承办单位|技术支持|联系方式|联系我们|地址[:：].*电话|邮编|传真|E-?mail[:：]",
        r"\d{3,4}-\d{7,8}",
        r"https?://|www\.",
        r"附件列表",
    ])
});

/// Whole-line shapes that are chrome: header fields ("发布时间: …"), bare page
/// numbers, file sizes, labels of viewer panes.
static SHAPES: LazyLock<RegexSet> = LazyLock::new(|| {
    build_set(&[
        r"^[【\[]?(索引号|信息分类|发布机构|发文日期|文号|主题词|信息名称|时效|来源|发布时间|更新时间|时间|作者|撰稿人|责任编辑|编辑|来源网址|文章来源|网站)\s*[:：]",
        r"^\d{1,3}$",
        r"^\d+\s*页$",
        r"^[\d.]+\s*[KMG]B$",
        r"^\d{4}-\d{1,2}-\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*发布$",
        r"^(文档介绍|文档简介|资源描述|内容预览|内容概览|摘要)\s*[:：]?",
        r"^[\s\-–—•·*>|/\\]+$",
    ])
});

/// Lines this long or longer are plan text even when they carry a chrome word.
const SHORT_LINE_CHARS: usize = 60;

/// A line whose sentences without chrome words hold this many characters, in at
/// least [`PARAGRAPH_SENTENCES`] sentences, is a paragraph of the plan even when a
/// chrome phrase sits inside it (a disclaimer pasted into the text): losing the
/// paragraph's text would cost more than keeping the phrase.
const PARAGRAPH_CHARS: usize = 40;
const PARAGRAPH_SENTENCES: usize = 2;

fn build_set(patterns: &[&str]) -> RegexSet {
    // The patterns are literals of this module: a failure is a programming error
    // caught by the unit tests below, so fall back to an empty set rather than panic.
    RegexSet::new(patterns).unwrap_or_else(|_| RegexSet::empty())
}

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
    line.chars().count() < SHORT_LINE_CHARS && SHORT_LINE.is_match(line)
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
    static BULLET: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"^(?:[•·\-]\s*|\d+\.\s+\d+、)").ok());
    match BULLET.as_ref().and_then(|re| re.find(line)) {
        Some(found) => &line[found.end()..],
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_sets_compile() {
        assert!(!ANY_LENGTH.is_empty());
        assert!(!SHORT_LINE.is_empty());
        assert!(!SHAPES.is_empty());
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
