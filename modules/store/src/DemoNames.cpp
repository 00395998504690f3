#include "DemoNames.h"

namespace gc::demo {

namespace {
QStringList split(const char* words) {
    return QString::fromUtf8(words).split(u' ', Qt::SkipEmptyParts);
}
} // namespace

QStringList streetStems() {
    return split("振兴 临江 站前 和平 兴隆 永昌 解放 新华 胜利 光明 江滨 锦江 桃源 东城 西城 南湖 北山 汤池 "
                 "五龙 凤山 青城 龙泉 金山 银河 白云 清河 太平 长安 永安 安民 丰收 红旗 向阳 新兴 前进 团结 "
                 "育才 花园 帽盔 宝山");
}

QStringList placeWordsA() {
    return split("春 翠 景 幸 怡 明 滨 文 和 福 安 康 嘉 华 兴 瑞 祥 泰 丰 荣 锦 绿 青 金 玉 宝 鸿 润 "
                 "盛 永 长 新 东 西 南 北 江 河 山 林");
}

QStringList placeWordsB() {
    return split("晖 苑 福 园 湾 馨 城 源 苑 岭 桥 湖 溪 泉 坪 台 沟 峪 营 屯 庄 堡 家 厂 里 街 府 居 "
                 "阳 光 乐 顺 达 宁 和 兴 旺 鑫 丰 茂");
}

QStringList surnames() {
    return split("王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗 梁 宋 郑 谢 韩 唐 冯 于 董 萧 "
                 "程 曹 袁 邓 许 傅 沈 曾 彭 吕 苏 卢 蒋 蔡 贾 丁 魏 薛 叶 阎");
}

QStringList givenNameChars() {
    return split("伟 芳 娜 秀 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 霞 平 刚 桂 英 华 玉 兰 红 建 文 "
                 "辉 斌 鹏 宇 浩 凯 婷 雪 琳 晶 颖 海 波 峰 鑫 志 国 春 梅 燕 琴 东 亮 林 丹 健 欣 佳");
}

QList<DemoDepartment> countyDepartments() {
    return {
        {"XZBM", "县直部门", ""},
        {"CGJ", "县城市管理综合执法局", "XZBM"},
        {"SCJ", "县市场监督管理局", "XZBM"},
        {"GAJ", "县公安局", "XZBM"},
        {"ZJJ", "县住房和城乡建设局", "XZBM"},
        {"MZJ", "县民政局", "XZBM"},
        {"YJJ", "县应急管理局", "XZBM"},
        {"WJJ", "县卫生健康局", "XZBM"},
        {"RSJ", "县人力资源和社会保障局", "XZBM"},
        {"ZRJ", "县自然资源局", "XZBM"},
        {"STJ", "市生态环境局县分局", "XZBM"},
        {"SWJ", "县水务局", "XZBM"},
        {"JTJ", "县交通运输局", "XZBM"},
        {"JYJ", "县教育局", "XZBM"},
        {"SFJ", "县司法局", "XZBM"},
        {"XFJ", "县信访局", "XZBM"},
        {"NYJ", "县农业农村局", "XZBM"},
        {"XFJY", "县消防救援大队", "XZBM"},
        {"GGQY", "公共服务企业", ""},
        {"GDGS", "国网县供电公司", "GGQY"},
        {"GSGS", "县供水公司", "GGQY"},
        {"RQGS", "县燃气公司", "GGQY"},
        {"TXYYS", "通信运营商（移动、联通、电信）", "GGQY"},
        {"JDXZ", "街道（乡镇）", ""},
    };
}

} // namespace gc::demo
