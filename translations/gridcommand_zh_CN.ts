<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name>AssessDock</name>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="45"/>
        <location filename="../app/gridcommand/AssessDock.cpp" line="108"/>
        <source>工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="47"/>
        <source>工单流转</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="49"/>
        <source>签到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="51"/>
        <source>当日轨迹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="53"/>
        <source>人工加减分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="74"/>
        <source>刷新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="75"/>
        <source>导出 CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="79"/>
        <source>考核周期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="93"/>
        <source>在排名中选择一名网格员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="97"/>
        <source>考核项 / 记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="97"/>
        <source>得分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="97"/>
        <source>依据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="97"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="97"/>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="108"/>
        <location filename="../app/gridcommand/AssessDock.cpp" line="198"/>
        <location filename="../app/gridcommand/AssessDock.cpp" line="280"/>
        <source>网格员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="108"/>
        <source>优先级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="108"/>
        <source>指派核查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="108"/>
        <location filename="../app/gridcommand/AssessDock.cpp" line="116"/>
        <source>到场</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="108"/>
        <source>用时（分）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="108"/>
        <source>按时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="114"/>
        <source>排名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="115"/>
        <source>积分卡</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="168"/>
        <source>正在计算 %1 的考核积分…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="177"/>
        <source>考核未完成：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="186"/>
        <source>%1：%2 名网格员；到场核查 %3 次，按时 %4 次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="198"/>
        <location filename="../app/gridcommand/AssessDock.cpp" line="280"/>
        <source>名次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="198"/>
        <location filename="../app/gridcommand/AssessDock.cpp" line="280"/>
        <source>网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="198"/>
        <location filename="../app/gridcommand/AssessDock.cpp" line="280"/>
        <source>总分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="215"/>
        <source>已达上限或扣完为止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="236"/>
        <source>未到场</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="238"/>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="238"/>
        <source>否（时限 %1 分钟）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="252"/>
        <source>%1（%2）&#x3000;%3 分&#x3000;第 %4 名&#x3000;%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="258"/>
        <source>%1 条记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="259"/>
        <source>已达上限/扣完为止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="266"/>
        <source>（超出上限，不计）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="280"/>
        <source>网格员编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="302"/>
        <source>导出考核结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="304"/>
        <source>CSV 文件 (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="309"/>
        <source>导出失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessDock.cpp" line="311"/>
        <source>已导出 %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessRules</name>
    <message>
        <location filename="../modules/assess/src/AssessRules.cpp" line="47"/>
        <source>考核规则：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessRules.cpp" line="55"/>
        <source>未知字段 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessRules.cpp" line="64"/>
        <source>%1 必须是非空文本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessRules.cpp" line="74"/>
        <source>缺少 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessRules.cpp" line="79"/>
        <source>%1 必须是数值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessRules.cpp" line="83"/>
        <source>%1 必须大于 0（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessRules.cpp" line="84"/>
        <source>%1 不能为负数（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessRules.cpp" line="88"/>
        <source>%1 不能为正数（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessRules.cpp" line="98"/>
        <source>%1 必须是对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessRules.cpp" line="108"/>
        <source>%1 必须是列表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessRules.cpp" line="119"/>
        <source>%1 应为 HH:mm（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessRules.cpp" line="138"/>
        <source>%1 应为 1（周一）到 7（周日）各不重复的整数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessRules.cpp" line="144"/>
        <source>%1 为空：没有任何在岗日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessRules.cpp" line="148"/>
        <source>duty.end（%1）必须晚于 duty.start（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessRules.cpp" line="208"/>
        <source>考核规则：不是 JSON 对象（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessRules.cpp" line="237"/>
        <source>items 为空，没有任何考核项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessRules.cpp" line="242"/>
        <source>考核规则：%1 必须是对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessRules.cpp" line="255"/>
        <source>%1 的考核项“%2”未知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessRules.cpp" line="260"/>
        <source>%1 重复（%2）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessService</name>
    <message>
        <location filename="../modules/assess/src/AssessService.cpp" line="45"/>
        <source>考核周期“%1”无效，应为 yyyy-MM（如 2026-11）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessService.cpp" line="50"/>
        <source>考核周期 %1 尚未开始，不能考核</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessService.cpp" line="171"/>
        <source>网格员 %1 不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessService.cpp" line="175"/>
        <source>加减分必须写明理由（--reason）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessService.cpp" line="179"/>
        <source>加减分必须写明操作人（--by）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessService.cpp" line="183"/>
        <source>加减分分值必须是非零数值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessService.cpp" line="389"/>
        <source>工单 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessService.cpp" line="399"/>
        <source>工单 %1：%2 分钟（时限 %3）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessService.cpp" line="411"/>
        <source>工单 %1：未到场（时限 %2 分钟）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/assess/src/AssessService.cpp" line="463"/>
        <source>人工加减分</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessStore</name>
    <message>
        <location filename="../modules/store/src/AssessStore.cpp" line="169"/>
        <source>加减分必须写明理由</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CategoryTable</name>
    <message>
        <location filename="../modules/core/src/CategoryTable.cpp" line="38"/>
        <source>%1：类别编码缺失、名称缺失或重复（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/CategoryTable.cpp" line="61"/>
        <source>%1 中没有任何类别</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountyExport</name>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="120"/>
        <source>已取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="142"/>
        <source>编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="142"/>
        <source>网格编码（GB/T 31000 行政区划代码 + 序号）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="144"/>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="144"/>
        <source>网格名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="145"/>
        <source>层级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="146"/>
        <source>1 县/区，2 街道/乡镇，3 社区/村，4 网格，5 微网格/楼栋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="147"/>
        <source>上级编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="147"/>
        <source>上一级网格的编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="148"/>
        <source>户数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="149"/>
        <source>人口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="149"/>
        <source>常住人口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="150"/>
        <source>面积（平方米）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="151"/>
        <source>CGCS2000 椭球面上计算的面积，单位平方米</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="152"/>
        <source>网格员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="152"/>
        <source>负责本网格的网格员姓名，以“、”分隔</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="154"/>
        <source>风险等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="155"/>
        <source>五色管控：red 红、orange 橙、yellow 黄、blue 蓝、green 绿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="156"/>
        <source>在办工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="156"/>
        <source>尚未办结的工单数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="157"/>
        <source>近30天工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="157"/>
        <source>导出时刻之前 30 天内登记的工单数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="159"/>
        <source>满意率（%）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="160"/>
        <source>满意评价数 / 全部评价数 × 100；无评价时为空</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="165"/>
        <source>网格员电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="166"/>
        <source>个人信息：网格员联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="236"/>
        <source>无法统计网格的工单与网格员：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="271"/>
        <source>工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="274"/>
        <source>工单号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="274"/>
        <source>工单编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="275"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="276"/>
        <source>received 登记、dispatched 已派遣、closed 已结案 等</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="277"/>
        <source>状态（中文）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="277"/>
        <source>状态的中文名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="278"/>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="278"/>
        <source>事件分类代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="279"/>
        <source>来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="280"/>
        <source>patrol 网格员巡查、app 群众随手拍、hotline 12345热线、video 视频发现、other 其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="282"/>
        <source>紧急程度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="282"/>
        <source>urgent、high、normal、low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="283"/>
        <source>承办部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="283"/>
        <source>承办部门编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="284"/>
        <source>所属网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="284"/>
        <source>事发网格编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="285"/>
        <source>标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="285"/>
        <source>工单标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="286"/>
        <source>登记时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="286"/>
        <location filename="../modules/store/src/CountyExport.cpp" line="287"/>
        <location filename="../modules/store/src/CountyExport.cpp" line="288"/>
        <location filename="../modules/store/src/CountyExport.cpp" line="289"/>
        <location filename="../modules/store/src/CountyExport.cpp" line="290"/>
        <source>北京时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="287"/>
        <source>办理时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="288"/>
        <source>首次派遣时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="289"/>
        <source>办结时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="290"/>
        <source>结案时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="291"/>
        <source>评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="291"/>
        <source>none 未评价、satisfied 满意、unsatisfied 不满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="296"/>
        <source>描述</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="296"/>
        <source>个人信息：诉求描述</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="297"/>
        <source>地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="297"/>
        <source>个人信息：事发地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="298"/>
        <source>反映人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyExport.cpp" line="298"/>
        <source>个人信息：反映人</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountyImport</name>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="26"/>
        <source> 等 %1 个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="77"/>
        <source>已取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="93"/>
        <source>导入源 %1 就是县域文件 %2 本身</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="98"/>
        <source>%1 不存在。新县域要从县级边界开始导入（--level county），再依次导入街道、社区、网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="104"/>
        <source>读取 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="108"/>
        <source>已读取 %1 个要素</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="117"/>
        <source>县级编码必须是 6 位行政区划代码：--codes keep/generate 只用于县级以下</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="126"/>
        <source>%1 个要素的编码不符合%2级（%3 位数字）：%4。源数据有自己的编码时，可用 --codes keep 原样保留，或 --codes generate 在上级下生成标准编码（源编码存入 source_code）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="152"/>
        <source>新县域的县级边界应只有 1 个要素，%1 中有 %2 个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="157"/>
        <source>创建县域 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="174"/>
        <location filename="../modules/store/src/CountyImport.cpp" line="352"/>
        <source>完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="184"/>
        <source>%1 已有县级边界；县级只能有一个要素</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="188"/>
        <source>县级边界应为 1 个编码为 %1 的要素</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="207"/>
        <source>%1 个编码与县域中已有的编码冲突：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="208"/>
        <source>%1 个编码与县域中已有的%2冲突：%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="220"/>
        <source>匹配上级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="230"/>
        <source>县域没有%1层级：%2直接挂在%3下</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="240"/>
        <source>上级层级（%1）还没有数据：请先导入%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="277"/>
        <source>编码 %1 不以上级编码 %2 开头</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="279"/>
        <source>%1 个要素不在任何%2之内：%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="285"/>
        <source>%1 个要素的上级编码在县域中不存在：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="291"/>
        <source>%1 个要素的编码与上级不符：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="335"/>
        <source>上级编码不是标准编码，无法在其下生成标准编码：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="340"/>
        <source>上级下的 3 位序号已用完（最多 999 个）：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="345"/>
        <source>写入 %1 个%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyImport.cpp" line="348"/>
        <source>已写入 %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountyStore</name>
    <message>
        <location filename="../modules/store/src/CountyStore.cpp" line="114"/>
        <source>GDAL 缺少 GPKG 驱动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStore.cpp" line="119"/>
        <source>无法创建 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStore.cpp" line="158"/>
        <source>无法创建图层：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStore.cpp" line="194"/>
        <location filename="../modules/store/src/CountyStore.cpp" line="205"/>
        <source>无法打开 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStore.cpp" line="243"/>
        <source>%1 已存在，不会覆盖</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStore.cpp" line="247"/>
        <source>县级编码无效：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStore.cpp" line="317"/>
        <source>文件不存在：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStore.cpp" line="324"/>
        <source>%1 是只读的（文件或所在文件夹不可写），只能只读打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStore.cpp" line="332"/>
        <source>%1 由更新版本的 GridCommand 创建（数据版本 %2，本程序支持到 %3），请升级程序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStore.cpp" line="508"/>
        <source>%1 以只读方式打开，不能写入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStore.cpp" line="355"/>
        <source>%1 不是 GridCommand 县域数据文件（缺少 gc_meta 表）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStore.cpp" line="357"/>
        <source>%1 无法读取（不是 SQLite/GeoPackage 文件或已损坏）：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStore.cpp" line="359"/>
        <source>%1 无法读取：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStore.cpp" line="366"/>
        <source>%1 不是 GridCommand 县域数据文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStore.cpp" line="372"/>
        <source>%1 的数据版本无效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStoreGrids.cpp" line="86"/>
        <source>网格“%1”没有编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStoreGrids.cpp" line="92"/>
        <source>网格 %1 的几何无法解析</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStoreGrids.cpp" line="103"/>
        <source>网格 %1 的几何无法编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStoreGrids.cpp" line="131"/>
        <source>写入网格失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStoreGrids.cpp" line="147"/>
        <source>写入网格 %1 失败：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStoreGrids.cpp" line="208"/>
        <source>编码 %1 不对应任何层级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStoreGrids.cpp" line="220"/>
        <source>网格 %1 不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStoreTickets.cpp" line="134"/>
        <source>未注明登记人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStoreTickets.cpp" line="138"/>
        <source>工单缺少登记时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStoreTickets.cpp" line="389"/>
        <source>工单 %1 不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStoreTickets.cpp" line="393"/>
        <source>工单 %1 已被他人处理（当前状态：%2），请刷新后再操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStoreTickets.cpp" line="400"/>
        <source>部门 %1 不存在或不属于本县</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStoreTickets.cpp" line="409"/>
        <source>网格员 %1 不存在，不能指派核查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStoreTickets.cpp" line="416"/>
        <source>主工单 %1 不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStoreTickets.cpp" line="420"/>
        <source>主工单 %1 已处于“%2”状态，不能并入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/CountyStoreTickets.cpp" line="447"/>
        <source>工单 %1 已被他人处理，请刷新后再操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/ReadAccess.cpp" line="59"/>
        <source>%1 是只读的，且旁边的预写日志 %2 尚未合并：请把县域文件连同它复制到可写的文件夹再打开</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Coverage</name>
    <message>
        <location filename="../modules/geo/src/Coverage.cpp" line="224"/>
        <source>网格几何为空</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrsTransform</name>
    <message>
        <location filename="../modules/geo/src/CrsTransform.cpp" line="44"/>
        <source>Unknown CRS “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/CrsTransform.cpp" line="90"/>
        <source>No transformation from “%1” to “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/CrsTransform.cpp" line="115"/>
        <source>Invalid WKB geometry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/CrsTransform.cpp" line="121"/>
        <source>Cannot transform the geometry from “%1” to “%2”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardFigures</name>
    <message>
        <location filename="../modules/dashboard/src/DashboardFigures.cpp" line="205"/>
        <source>紧急工单 #%1 超期 %2 小时 · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardLayout</name>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="58"/>
        <source>今日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="60"/>
        <source>本周</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="62"/>
        <source>本月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="64"/>
        <source>近7天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="65"/>
        <source>近30天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="73"/>
        <source>布局文件不是有效的 JSON（第 %1 个字符：%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="76"/>
        <source>布局文件应为一个 JSON 对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="87"/>
        <source>布局文件的 columns 和 rows 须为 1 到 200 的整数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="91"/>
        <source>trend_days 须在 2–92 之间，satisfaction_weeks 须在 1–13 之间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="100"/>
        <source>floors 中的下限须在 0 到 1 之间（如 0.85）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="106"/>
        <source>布局文件没有 panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="113"/>
        <source>第 %1 个面板（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="116"/>
        <source>%1：未知的面板类型，可用：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="123"/>
        <source>%1：位置 x/y/w/h 须在 %2×%3 的网格之内</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="128"/>
        <source>%1：与面板 %2 重叠</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="135"/>
        <source>%1：period 须为 %2 之一</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="142"/>
        <source>%1：group 须为 street 或 department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="146"/>
        <source>%1：metric 须为 satisfaction、closure 或 on_time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="154"/>
        <source>%1：layer 须为 heat 或 none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="166"/>
        <source>无法读取布局文件 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardLayout.cpp" line="172"/>
        <source>布局文件 %1 有误：%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPainter</name>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="164"/>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="231"/>
        <source>办结率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="165"/>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="233"/>
        <source>按时办结率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="166"/>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="235"/>
        <source>满意率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="200"/>
        <source>%1 · 网格化指挥中心 · 综合态势</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="202"/>
        <source>数据截至 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="203"/>
        <source>正在读取数据…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="212"/>
        <source>%1工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="229"/>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="393"/>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="511"/>
        <source>受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="230"/>
        <source>办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="238"/>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="634"/>
        <source>超期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="264"/>
        <source>在办工单（%1受理）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="295"/>
        <source>工单来源（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="375"/>
        <source>近%1天 受理与办结（按受理日）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="394"/>
        <source>其中已办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="444"/>
        <source>满意率（按周）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="476"/>
        <source>M/d周</source>
        <comment>date format of a week&apos;s Monday</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="483"/>
        <source>虚线：下限 %1；低于下限 ▼ 加斜线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="491"/>
        <source>%1排名 · %2 · %3由低到高</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="492"/>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="510"/>
        <source>街道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="492"/>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="510"/>
        <source>部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="548"/>
        <source>▼ 低于下限（%1 %2）：%3 个，共 %4 个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="562"/>
        <source>县域五色风险与工单热力</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="567"/>
        <source>正在绘制地图…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="591"/>
        <source>热力：近7天工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="593"/>
        <source>少 → 多</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="599"/>
        <source>网格员在线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="609"/>
        <source>/ %1 人在线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="618"/>
        <source>实时预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="623"/>
        <source>暂无预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="635"/>
        <source>转红</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardPainter.cpp" line="636"/>
        <source>迟到</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardSource</name>
    <message>
        <location filename="../modules/dashboard/src/DashboardSource.cpp" line="135"/>
        <source>网格转红 %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dashboard/src/DashboardSource.cpp" line="166"/>
        <source>网格员未按时到场 %1 · 工单 #%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="52"/>
        <source>网格化指挥中心 · 大屏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="114"/>
        <source>打开布局文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="117"/>
        <source>大屏布局文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="117"/>
        <source>布局文件 (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="121"/>
        <source>布局文件有误</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="123"/>
        <source>内置布局 16:9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="127"/>
        <source>内置布局 32:9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="132"/>
        <source>退出大屏 (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoCountyBuilder</name>
    <message>
        <location filename="../modules/store/src/DemoCountyBuilder.cpp" line="166"/>
        <source>划分失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/DemoCountyBuilder.cpp" line="180"/>
        <source>无法生成县域轮廓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/DemoCountyBuilder.cpp" line="595"/>
        <source>网格数应在 1 到 %1 之间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/DemoCountyBuilder.cpp" line="599"/>
        <source>工单密度或历史天数无效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/DemoCountyBuilder.cpp" line="607"/>
        <source>划分街道、社区和网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/DemoCountyBuilder.cpp" line="625"/>
        <source>写入县域文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/DemoCountyBuilder.cpp" line="643"/>
        <source>写入部门和网格员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/DemoCountyBuilder.cpp" line="682"/>
        <source>生成 %1 天的工单历史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/DemoCountyBuilder.cpp" line="704"/>
        <source>写入工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/DemoCountyBuilder.cpp" line="707"/>
        <source>完成</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DepartmentRouter</name>
    <message>
        <location filename="../modules/dispatch/src/DepartmentRouter.cpp" line="37"/>
        <source>无法读取分流规则 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentRouter.cpp" line="43"/>
        <source>分流规则 %1 不是有效的 JSON：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentRouter.cpp" line="52"/>
        <source>分流规则 %1 中有缺少 category 或 departments 的条目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentRouter.cpp" line="96"/>
        <source>分流规则</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentRouter.cpp" line="104"/>
        <source>类别默认部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentRouter.cpp" line="113"/>
        <source>近期同类工单交办 %1 次</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="28"/>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="78"/>
        <source>导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="30"/>
        <source>网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="31"/>
        <source>工单（点）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="37"/>
        <source>Shapefile（.shp）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="38"/>
        <source>GeoPackage（.gpkg）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="39"/>
        <source>GeoJSON（RFC 7946，仅 WGS 84）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="40"/>
        <source>KML（仅 WGS 84）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="41"/>
        <source>CSV（WKT 几何）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="43"/>
        <source>搜索坐标系：4527、Gauss、CGCS2000 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="53"/>
        <source>CP936（GBK，国内软件默认）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="57"/>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="63"/>
        <source>覆盖已存在的文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="64"/>
        <source>包含个人信息（电话、反映人、地址）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="65"/>
        <source>默认不导出个人信息；仅在确有需要并经批准时勾选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="81"/>
        <source>内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="82"/>
        <source>层级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="83"/>
        <source>格式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="84"/>
        <source>坐标系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="86"/>
        <source>字符编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="87"/>
        <source>输出文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="182"/>
        <source>导出到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="182"/>
        <source>%1 文件 (*.%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="227"/>
        <source>请选择坐标系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="243"/>
        <source>正在读取县域数据…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="254"/>
        <source>正在写入 %1 个要素…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="261"/>
        <source>已导出 %1 个要素到 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="262"/>
        <source>没有可导出的要素：%1 是一个空图层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="301"/>
        <source>正在取消…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedMessage</name>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="55"/>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="71"/>
        <source>缺少字段 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="59"/>
        <source>字段 %1 应为数值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="63"/>
        <source>字段 %1 超出范围 [%2, %3]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="75"/>
        <source>字段 %1 应为字符串</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="79"/>
        <source>字段 %1 超过 %2 个字符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="87"/>
        <source>缺少字段 time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="92"/>
        <source>字段 time 应为 ISO 8601 字符串或纪元秒</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="95"/>
        <source>字段 time 无法解析或早于 2000 年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="98"/>
        <source>时间超前服务器 %1 秒（上限 300 秒），请校准终端时钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="121"/>
        <source>不支持的坐标系 %1（可用 WGS84、GCJ02、CGCS2000）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="131"/>
        <source>缺少字段 ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="133"/>
        <source>字段 ticket 应为整数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="136"/>
        <source>字段 ticket 应为正整数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="300"/>
        <source>消息 %1 字节，超过 64 KB 上限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="310"/>
        <source>数值 %1 超出可表示的范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="311"/>
        <source>字段 %1 的数值 %2 超出可表示的范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="319"/>
        <source>JSON 无效（第 %1 字节）：字符串中有未转义的控制字符 U+%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="328"/>
        <source>JSON 无效（第 %1 字节）：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="329"/>
        <source>消息应为 JSON 对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="340"/>
        <source>字段 id 应为不超过 %1 字符的字符串或整数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="400"/>
        <source>photos 中每项应为字符串（http(s) 网址）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="406"/>
        <source>photos 中每项应为不超过 1000 字符的 http(s) 网址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="346"/>
        <source>缺少字段 type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="346"/>
        <source>字段 type 应为字符串</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="372"/>
        <source>未知的事件类别 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="376"/>
        <source>未知的来源 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="380"/>
        <source>未知的优先级 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="384"/>
        <source>字段 text 不能为空</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="390"/>
        <source>字段 photos 应为字符串数组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="395"/>
        <source>照片最多 %1 张</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="420"/>
        <source>action 应为 start、resolve 或 self_resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="429"/>
        <source>缺少字段 satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="433"/>
        <source>字段 satisfied 应为 true 或 false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedMessage.cpp" line="440"/>
        <source>未知的消息类型 %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedPipeline</name>
    <message>
        <location filename="../modules/feed/src/FeedPipeline.cpp" line="104"/>
        <source>签到未保存：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedPipeline.cpp" line="113"/>
        <source>写入失败，未保存，请重发：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedPipeline.cpp" line="254"/>
        <source>工单未保存：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedPipeline.cpp" line="280"/>
        <source>工单 %1 不存在</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedSimulator</name>
    <message>
        <location filename="../modules/feed/src/FeedSimulator.cpp" line="29"/>
        <source>路边有暴露垃圾，已拍照</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedSimulator.cpp" line="30"/>
        <source>井盖缺失，存在安全隐患</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedSimulator.cpp" line="31"/>
        <source>占道经营，影响通行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedSimulator.cpp" line="32"/>
        <source>路灯不亮，夜间照明不足</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedSimulator.cpp" line="33"/>
        <source>楼道堆放杂物，消防通道堵塞</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedSimulator.cpp" line="34"/>
        <source>居民反映噪音扰民</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedSimulator.cpp" line="35"/>
        <source>绿化带损毁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedSimulator.cpp" line="36"/>
        <source>积水严重，影响出行</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedStore</name>
    <message>
        <location filename="../modules/store/src/FeedStore.cpp" line="46"/>
        <source>网格员 %1 不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/FeedStore.cpp" line="80"/>
        <source>令牌不存在或已注销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/FeedStore.cpp" line="153"/>
        <source>轨迹点：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/FeedStore.cpp" line="175"/>
        <source>最新位置：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedWiring</name>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="234"/>
        <source>无法读取网格员：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="320"/>
        <source>没有在岗的网格员可以模拟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="421"/>
        <source>收到上报事件：工单 %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GeofenceMonitor</name>
    <message>
        <location filename="../modules/feed/src/GeofenceMonitor.cpp" line="35"/>
        <source>网格员 %1 连续多次定位在责任网格外</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/GeofenceMonitor.cpp" line="37"/>
        <source>网格员 %1 已回到责任网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/GeofenceMonitor.cpp" line="39"/>
        <source>网格员 %1 已到达工单 %2 现场（%3 米）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/GeofenceMonitor.cpp" line="41"/>
        <source>工单 %1 超时无人到场核查</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridAdjacency</name>
    <message>
        <location filename="../modules/geo/src/GridAdjacency.cpp" line="35"/>
        <source>第 %1 个面无法读取：%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridCode</name>
    <message>
        <location filename="../modules/core/src/GridLevel.cpp" line="84"/>
        <source>编码为空</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/GridLevel.cpp" line="87"/>
        <source>编码 %1 含有非数字字符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/GridLevel.cpp" line="90"/>
        <source>编码 %1 应为 %2 位数字（%3级），实际 %4 位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/GridLevel.cpp" line="106"/>
        <source>编码 %1 的上级编码“%2”无效：应为更高一级的数字编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/GridLevel.cpp" line="109"/>
        <source>编码 %1 不以上级编码 %2 开头</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridLayerData</name>
    <message>
        <location filename="../modules/map/src/GridLayerData.cpp" line="189"/>
        <source>PROJ 无法建立 EPSG:4490 → EPSG:3857 的转换</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/GridLayerData.cpp" line="207"/>
        <location filename="../modules/map/src/GridLayerData.cpp" line="209"/>
        <source>空几何</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/GridLayerData.cpp" line="208"/>
        <source>几何无法读取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/GridLayerData.cpp" line="210"/>
        <source>坐标不是有效的经纬度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/GridLayerData.cpp" line="222"/>
        <source>坐标投影失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/GridLayerData.cpp" line="346"/>
        <source>县域数据中没有任何网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/GridLayerData.cpp" line="347"/>
        <source>县域数据中没有可绘制的网格：%1 个网格的几何无法使用（%2）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridValidator</name>
    <message>
        <location filename="../modules/geo/src/GridValidator.cpp" line="117"/>
        <source>%1（%2）没有可读的几何：%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/GridValidator.cpp" line="118"/>
        <source>空几何</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/GridValidator.cpp" line="133"/>
        <source>%1（%2）几何无效：%3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/GridValidator.cpp" line="165"/>
        <source>编码 %1 出现 %2 次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/GridValidator.cpp" line="181"/>
        <source>%1（%2）没有上级编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/GridValidator.cpp" line="182"/>
        <source>%1（%2）的上级 %3 不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/GridValidator.cpp" line="236"/>
        <source>%1（%2）与 %3（%4）重叠 %5 m²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/GridValidator.cpp" line="307"/>
        <source>%1（%2）有 %3 m² 超出上级 %4（%5）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/GridValidator.cpp" line="326"/>
        <source>%1（%2）内有 %3 m² 未被下级覆盖</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/GridValidator.cpp" line="354"/>
        <source>%1 已存在，不会覆盖</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/GridValidator.cpp" line="362"/>
        <source>无法创建 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/GridValidator.cpp" line="402"/>
        <source>写入 %1 失败：%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="38"/>
        <source>导入网格边界</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="41"/>
        <source>Shapefile、GeoPackage、GeoJSON、KML 或 .zip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="43"/>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="55"/>
        <source>自动（.cpg、DBF 标识或检测）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="61"/>
        <source>源数据没有坐标系或坐标系有误时填写（优先于源文件的声明），例如 EPSG:4527</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="66"/>
        <source>校验：必须是标准编码（默认）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="67"/>
        <source>保留：按源数据的编码原样存储</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="68"/>
        <source>生成：在上级下生成标准编码，源编码存入 source_code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="82"/>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="86"/>
        <source>源文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="87"/>
        <source>图层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="88"/>
        <source>导入到层级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="89"/>
        <source>字符编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="90"/>
        <source>假定坐标系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="91"/>
        <source>编码字段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="92"/>
        <source>名称字段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="93"/>
        <source>上级编码字段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="94"/>
        <source>编码处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="179"/>
        <source>选择网格边界文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="180"/>
        <source>矢量数据 (*.shp *.zip *.gpkg *.geojson *.json *.kml *.kmz);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="215"/>
        <source>%1，图层 %2，%3 个要素；坐标系 %4；编码 %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="218"/>
        <source>未声明（请填写假定坐标系）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="219"/>
        <source>（无）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="220"/>
        <source>（按与上级的最大重叠）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="282"/>
        <source>已导入 %1 个%2（坐标系 %3，编码 %4）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="287"/>
        <source>已修复 %1 个无效多边形：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="312"/>
        <source>未导入，县域数据未改变：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="322"/>
        <source>正在取消…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonData</name>
    <message>
        <location filename="../modules/core/src/JsonData.cpp" line="13"/>
        <source>无法读取 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/JsonData.cpp" line="19"/>
        <source>%1 不是有效的 JSON（第 %2 字节）：%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyPlaceImporter</name>
    <message>
        <location filename="../modules/risk/src/KeyPlaceImporter.cpp" line="46"/>
        <source>%1 第 %2 行没有类型（type/类型 列，或用 --type 指定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/KeyPlaceImporter.cpp" line="52"/>
        <source>%1 第 %2 行（%3, %4）不在本县任何网格内</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="52"/>
        <source>网格化指挥中心 — %1（只读）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="53"/>
        <source>网格化指挥中心 — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="65"/>
        <source>%1
请在左侧网格层级中浏览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="92"/>
        <source>已只读打开 %1：文件或所在文件夹不可写，不能办理工单、导入或接入实时定位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="94"/>
        <source>已打开 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="107"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="108"/>
        <source>打开县域数据(&amp;O)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="111"/>
        <source>退出(&amp;Q)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="116"/>
        <source>视图(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="117"/>
        <source>工具(&amp;T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="118"/>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="119"/>
        <source>关于网格化指挥中心(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="120"/>
        <source>关于</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="121"/>
        <source>&lt;h3&gt;网格化指挥中心 GridCommand %1&lt;/h3&gt;&lt;p&gt;县级综治中心网格化管理指挥平台。&lt;/p&gt;&lt;p&gt;当前数据：%2（%3）&lt;br&gt;文件：%4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="126"/>
        <source>主工具栏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="147"/>
        <source>按名称或编码筛选…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="175"/>
        <source>网格层级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="185"/>
        <source>%1 %L2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="314"/>
        <source>打开县域数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="315"/>
        <source>GridCommand 县域数据 (*.gpkg);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="321"/>
        <source>无法打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AnalystWiring.cpp" line="20"/>
        <source>导入(&amp;I)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AnalystWiring.cpp" line="21"/>
        <source>从 Shapefile、GeoPackage、GeoJSON、KML 导入网格边界</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AnalystWiring.cpp" line="22"/>
        <source>导出(&amp;E)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AnalystWiring.cpp" line="23"/>
        <source>导出网格或工单为 Shapefile、GeoPackage、GeoJSON、KML、CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AnalystWiring.cpp" line="27"/>
        <source>县域数据只读，不能导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AnalystWiring.cpp" line="37"/>
        <source>已导入 %1 个%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AnalystWiring.cpp" line="54"/>
        <source>检查网格覆盖(&amp;C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AnalystWiring.cpp" line="55"/>
        <source>检查缝隙、重叠、无效几何、超出上级、重复编码和无上级网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DispatchWiring.cpp" line="82"/>
        <source>工单队列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DispatchWiring.cpp" line="85"/>
        <source>职能部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DispatchWiring.cpp" line="89"/>
        <source>工单详情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DispatchWiring.cpp" line="115"/>
        <source>县域数据只读，不能办理工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="472"/>
        <source>网格员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="478"/>
        <source>姓名、网格或街道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="481"/>
        <source>全部状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="505"/>
        <source>地图跟随所选网格员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="511"/>
        <source>告警与到场</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="526"/>
        <source>在线 %1 · 信号延迟 %2 · 离线 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="557"/>
        <source>轨迹回放</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="561"/>
        <source>所选网格员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="562"/>
        <source>所选网格员所在网格的全部网格员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="565"/>
        <source>最近 %1 小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="566"/>
        <source>载入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="567"/>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="655"/>
        <source>播放</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="573"/>
        <source> 倍速</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="576"/>
        <source>在网格员列表中选中一人，再载入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="611"/>
        <source>%1  工单 %2  %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="623"/>
        <source>请先在网格员列表中选中一人（双击）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="644"/>
        <source>回放：%1 名网格员，%2 个定位点，%3 条工单记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="655"/>
        <source>暂停</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="670"/>
        <source>实时接入服务（ws://127.0.0.1:%1/feed）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="672"/>
        <source>模拟网格员巡查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="682"/>
        <source>实时接入服务运行中：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="689"/>
        <source>实时接入服务：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="690"/>
        <source>实时接入服务未能启动：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="695"/>
        <source>正在准备模拟网格员…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="701"/>
        <source>模拟未能启动：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="710"/>
        <source>%1 名模拟网格员正在接入 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="720"/>
        <source>县域数据只读，实时定位无法保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="730"/>
        <source>演示：%1 名网格员正在巡查（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="43"/>
        <source>无底图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="44"/>
        <source>OpenStreetMap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="46"/>
        <source>天地图矢量（需密钥）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="51"/>
        <source>高德地图（GCJ-02）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="65"/>
        <source>图层与图例</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="79"/>
        <source>全县</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="80"/>
        <source>显示全县（Home）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="81"/>
        <source>放大</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="82"/>
        <source>缩小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="97"/>
        <source>地图无法加载</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="107"/>
        <source>刷新工单标注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="139"/>
        <source>无法读取工单标注：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="155"/>
        <source>底图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="164"/>
        <source>选择离线底图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="165"/>
        <source>MBTiles (*.mbtiles);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="171"/>
        <source>离线底图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="186"/>
        <source>天地图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="186"/>
        <source>天地图开发者密钥（tk）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="214"/>
        <source>离线 MBTiles 文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="317"/>
        <source>风险引擎无法加载：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="268"/>
        <source>风险研判</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="283"/>
        <source>已人工研判 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="288"/>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="295"/>
        <source>解除人工研判</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="288"/>
        <source>解除原因（必填）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AssessWiring.cpp" line="10"/>
        <source>考核</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapFrame</name>
    <message>
        <location filename="../modules/map/src/MapFrame.cpp" line="98"/>
        <source>缩放 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/MapFrame.cpp" line="100"/>
        <source>经度 %1° 纬度 %2° (CGCS2000)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OsmAndHttpServer</name>
    <message>
        <location filename="../modules/feed/src/OsmAndHttpServer.cpp" line="82"/>
        <source>请求头超过 8 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndHttpServer.cpp" line="90"/>
        <source>不是 HTTP/1.x 请求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndHttpServer.cpp" line="108"/>
        <source>Content-Length 无效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndHttpServer.cpp" line="117"/>
        <source>不支持分块传输，请给出 Content-Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndHttpServer.cpp" line="123"/>
        <source>请求体超过 64 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndHttpServer.cpp" line="138"/>
        <source>只接受 GET 或 POST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndHttpServer.cpp" line="151"/>
        <source>未知或已注销的终端</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndHttpServer.cpp" line="170"/>
        <source>发送过快，未保存，请稍后重发</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OsmAndRequest</name>
    <message>
        <location filename="../modules/feed/src/OsmAndRequest.cpp" line="50"/>
        <source>参数 %1 无效或超出范围 [%2, %3]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndRequest.cpp" line="88"/>
        <source>时间超前服务器 %1 秒（上限 300 秒）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndRequest.cpp" line="136"/>
        <source>缺少参数 id 或 deviceid（终端令牌）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndRequest.cpp" line="138"/>
        <source>参数 location 应为“纬度,经度”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndRequest.cpp" line="140"/>
        <source>请求中没有坐标（心跳或基站/Wi-Fi 报告），未存为位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndRequest.cpp" line="142"/>
        <source>缺少参数 lat 或 lon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndRequest.cpp" line="144"/>
        <source>终端标记为无效定位（valid=false），未存为位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndRequest.cpp" line="160"/>
        <source>参数 timestamp 无法解析</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndRequest.cpp" line="178"/>
        <source>JSON 请求体无效：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndRequest.cpp" line="179"/>
        <source>应为 JSON 对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndRequest.cpp" line="183"/>
        <source>缺少字符串字段 device_id（终端令牌）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndRequest.cpp" line="186"/>
        <source>缺少对象字段 location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndRequest.cpp" line="191"/>
        <source>location.timestamp 应为带时区的 ISO 8601 时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndRequest.cpp" line="194"/>
        <source>请求中没有坐标（心跳或事件），未存为位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndRequest.cpp" line="196"/>
        <source>location.coords 应为对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndRequest.cpp" line="198"/>
        <source>模拟定位（mock），不作为位置保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndRequest.cpp" line="206"/>
        <source>缺少字段 location.coords.%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/OsmAndRequest.cpp" line="210"/>
        <source>字段 location.coords.%1 应为数值</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputStaging</name>
    <message>
        <location filename="../modules/core/src/OutputStaging.cpp" line="33"/>
        <source>磁盘已满</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/OutputStaging.cpp" line="35"/>
        <source>超出文件大小限制</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/OutputStaging.cpp" line="37"/>
        <source>超出磁盘配额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/OutputStaging.cpp" line="47"/>
        <source>无法创建文件夹 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/OutputStaging.cpp" line="58"/>
        <source>无法在 %1 中写入：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/OutputStaging.cpp" line="75"/>
        <source>导出写出了意料之外的文件 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/OutputStaging.cpp" line="91"/>
        <source>无法把导出结果移到 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/OutputStaging.cpp" line="95"/>
        <source>无法删除旧文件 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/OutputStaging.cpp" line="109"/>
        <source>无法把 %1 写入磁盘：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/OutputStaging.cpp" line="133"/>
        <source>无法写入 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../app/gridcommand/OverrideDialog.cpp" line="22"/>
        <source>人工研判：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/OverrideDialog.cpp" line="26"/>
        <source>&lt;b&gt;%1&lt;/b&gt;（%2），当前 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/OverrideDialog.cpp" line="36"/>
        <source>研判等级：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/OverrideDialog.cpp" line="38"/>
        <source>必填：研判依据，如“节日期间人流密集，临时升为橙色”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/OverrideDialog.cpp" line="40"/>
        <source>原因：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/OverrideDialog.cpp" line="49"/>
        <source>24小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/OverrideDialog.cpp" line="49"/>
        <source>72小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/OverrideDialog.cpp" line="49"/>
        <source>7天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/OverrideDialog.cpp" line="57"/>
        <source>结束时间：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/OverrideDialog.cpp" line="59"/>
        <source>研判人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/OverrideDialog.cpp" line="66"/>
        <source>确定研判</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/OverrideDialog.cpp" line="87"/>
        <source>请填写研判原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/OverrideDialog.cpp" line="89"/>
        <source>请选择晚于现在的结束时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/OverrideDialog.cpp" line="91"/>
        <source>请填写研判人</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Partition</name>
    <message>
        <location filename="../modules/geo/src/Partition.cpp" line="402"/>
        <source>Cannot partition into %1 parts; at least 1 is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/Partition.cpp" line="411"/>
        <source>Only a Polygon or MultiPolygon can be partitioned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/Partition.cpp" line="413"/>
        <source>Cannot partition an empty polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/Partition.cpp" line="418"/>
        <source>Cannot partition an invalid polygon: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/Partition.cpp" line="438"/>
        <source>Cannot partition a polygon with no area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/Partition.cpp" line="442"/>
        <source>Cannot place %1 distinct points inside the polygon; it is too thin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/Partition.cpp" line="458"/>
        <source>The Voronoi partition failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PointReader</name>
    <message>
        <location filename="../modules/geo/src/PointReader.cpp" line="30"/>
        <source>无法打开 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/PointReader.cpp" line="35"/>
        <source>%1 没有图层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/PointReader.cpp" line="57"/>
        <source>%1 第 %2 行不是点要素</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/PointReader.cpp" line="58"/>
        <source>%1 第 %2 行缺少坐标（经度/纬度）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/PointReader.cpp" line="65"/>
        <source>%1 第 %2 行坐标无法转换到 CGCS2000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/PointReader.cpp" line="71"/>
        <source>%1 第 %2 行坐标超出经纬度范围（%3, %4）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/PointReader.cpp" line="93"/>
        <source>%1 没有任何点要素</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="28"/>
        <source>正在生成演示县域数据…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="29"/>
        <source>首次运行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="73"/>
        <source>网格化指挥中心</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="78"/>
        <source>县级综治中心网格化管理指挥平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="82"/>
        <source>县域数据文件；省略时打开（首次运行时生成）演示县域</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="93"/>
        <source>无法生成演示数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="108"/>
        <source>无法打开县域数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DispatchWiring.cpp" line="164"/>
        <source>值班员登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DispatchWiring.cpp" line="165"/>
        <source>请输入值班员姓名（记录在每一条工单流转记录上）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DispatchWiring.cpp" line="35"/>
        <source>值班员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="140"/>
        <source>风险等级更新失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="163"/>
        <source>已回到实时风险颜色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="167"/>
        <source>回放 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="219"/>
        <source>冷点（99% 置信）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="219"/>
        <source>冷点（95% 置信）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="220"/>
        <source>冷点（90% 置信）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="220"/>
        <source>不显著</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="221"/>
        <source>热点（90% 置信）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="221"/>
        <source>热点（95% 置信）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="222"/>
        <source>热点（99% 置信）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="223"/>
        <source>热点 Gi*（近%1天工单）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="202"/>
        <source>热点分析失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="239"/>
        <source>&lt;b&gt;%1&lt;/b&gt; 人工研判：%2（规则为%3）&lt;br&gt;至 %4&lt;br&gt;%5：%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="140"/>
        <source>领导大屏：全屏显示县域综合态势</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="142"/>
        <source>打开大屏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="144"/>
        <source>显示在第 N 个输出（从 0 起；省略时铺满所有输出）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="146"/>
        <source>布局文件（JSON）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="149"/>
        <source>离屏绘制一帧，存为 PNG 后退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="150"/>
        <source>截图尺寸，如 3840x2160</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="154"/>
        <source>县域数据文件；省略时打开演示县域</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="168"/>
        <source>县域数据文件不存在：%1（先运行一次 gridcommand 生成演示县域）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="176"/>
        <source>--size 须形如 3840x2160（640x360 到 16384x8640）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="185"/>
        <source>--screen 须为 0 到 %1 之间的输出序号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="230"/>
        <source>无法写入 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DashboardWindow.cpp" line="248"/>
        <source>大屏模式</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="103"/>
        <source>网格化服务管理中心</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="105"/>
        <source>第 %1 页 共 %2 页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="232"/>
        <source>一、总体情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="236"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="167"/>
        <source>指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="238"/>
        <source>上期（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="239"/>
        <source>环比</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="243"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="176"/>
        <source>受理工单（件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="245"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="177"/>
        <source>日均受理（件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="247"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="181"/>
        <source>已办结（件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="248"/>
        <location filename="../modules/report/src/PdfReport.cpp" line="268"/>
        <location filename="../modules/report/src/PdfReport.cpp" line="322"/>
        <location filename="../modules/report/src/PdfReport.cpp" line="422"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="182"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="201"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="224"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="241"/>
        <source>办结率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="250"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="183"/>
        <source>按时办结（件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="252"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="184"/>
        <source>按时办结率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="254"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="185"/>
        <source>超期未办结（件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="256"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="186"/>
        <source>未办结（件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="257"/>
        <location filename="../modules/report/src/PdfReport.cpp" line="323"/>
        <location filename="../modules/report/src/PdfReport.cpp" line="422"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="188"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="202"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="224"/>
        <source>满意率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="259"/>
        <location filename="../modules/report/src/PdfReport.cpp" line="269"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="189"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="202"/>
        <source>不满意率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="263"/>
        <source>图1&#x3000;每日受理工单及其中已办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="267"/>
        <location filename="../modules/report/src/PdfReport.cpp" line="320"/>
        <location filename="../modules/report/src/PdfReport.cpp" line="389"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="201"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="224"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="241"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="250"/>
        <source>受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="267"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="201"/>
        <source>按时办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="268"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="201"/>
        <source>超期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="268"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="201"/>
        <source>未办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="290"/>
        <source>满意率均不低于 %1。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="295"/>
        <source>%1（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="296"/>
        <source>※ 满意率低于 %1 的%2（%3 个）：%4。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="303"/>
        <source>二、各街道（乡镇）办理情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="304"/>
        <location filename="../modules/report/src/PdfReport.cpp" line="305"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="219"/>
        <source>街道（乡镇）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="306"/>
        <source>图2&#x3000;受理最多的街道（乡镇）办结率与满意率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="311"/>
        <source>三、各部门办理情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="312"/>
        <location filename="../modules/report/src/PdfReport.cpp" line="313"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="220"/>
        <source>部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="317"/>
        <source>四、问题类型与来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="319"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="234"/>
        <source>问题类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="321"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="224"/>
        <source>占比</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="330"/>
        <source>图3&#x3000;问题类型前 %1 位（受理件数）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="338"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="235"/>
        <source>来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="343"/>
        <source>五、风险等级变化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="348"/>
        <source>升为%1 %2 个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="351"/>
        <source>本期网格风险等级共变化 %1 次，涉及网格 %2 个；期末较期初升级 %3 个%4，降级 %5 个。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="361"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="264"/>
        <source>网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="362"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="264"/>
        <source>所属街道（乡镇）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="363"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="264"/>
        <source>期初等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="364"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="265"/>
        <source>期末等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="365"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="265"/>
        <source>变化次数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="366"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="265"/>
        <source>最近变化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="389"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="241"/>
        <location filename="../modules/report/src/XlsxReport.cpp" line="250"/>
        <source>其中已办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/PdfReport.cpp" line="456"/>
        <source>满意率底线 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/ReportContent.cpp" line="120"/>
        <source>%1%2个百分点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/ReportContent.cpp" line="126"/>
        <source>%1 %2 工单运行情况报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/ReportContent.cpp" line="130"/>
        <source>统计时段：%1（%2 天）&#x3000;数据截至：%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/ReportContent.cpp" line="150"/>
        <source>本期共受理工单 %1 件，日均 %2 件（上期 %3 件，日均 %4 件，环比 %5）；已办结 %6 件，办结率 %7（环比 %8）；按时办结 %9 件，按时办结率 %10；超期未办结 %11 件，未办结 %12 件；回访 %13 次，满意率 %14（环比 %15）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/ReportContent.cpp" line="212"/>
        <source>%1月%2日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/ReportWriter.cpp" line="33"/>
        <source>%1 是文件夹，请给出报告的文件名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/XlsxReport.cpp" line="134"/>
        <source>无法创建 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/XlsxReport.cpp" line="166"/>
        <source>总体</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/XlsxReport.cpp" line="187"/>
        <source>回访（次）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/XlsxReport.cpp" line="190"/>
        <source>合并（件，不计入）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/XlsxReport.cpp" line="191"/>
        <source>无效（件，不计入）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/XlsxReport.cpp" line="193"/>
        <source>时段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/XlsxReport.cpp" line="202"/>
        <source>低于满意率底线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/XlsxReport.cpp" line="215"/>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/XlsxReport.cpp" line="219"/>
        <source>街道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/XlsxReport.cpp" line="239"/>
        <source>每日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/XlsxReport.cpp" line="241"/>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/XlsxReport.cpp" line="256"/>
        <source>每日受理及其中已办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/XlsxReport.cpp" line="263"/>
        <source>风险变化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/XlsxReport.cpp" line="264"/>
        <source>网格编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/XlsxReport.cpp" line="278"/>
        <source>等级变化（次）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/XlsxReport.cpp" line="279"/>
        <source>涉及网格（个）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/XlsxReport.cpp" line="280"/>
        <source>升级网格（个）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/XlsxReport.cpp" line="281"/>
        <source>降级网格（个）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/report/src/XlsxReport.cpp" line="292"/>
        <source>无法写入 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="36"/>
        <source>导出报告(&amp;R)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="37"/>
        <source>周报、月报：受理、办结、超期、满意率，各街道和部门，风险变化；PDF 或 Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="42"/>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="205"/>
        <source>报告已保存：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="49"/>
        <source>导出报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="60"/>
        <source>上周（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="61"/>
        <source>上月（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="62"/>
        <source>本月（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="63"/>
        <source>自定义</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="65"/>
        <source>2026-W47（ISO 周）、2026-11（月）或 2026-11-01..2026-11-30（日期范围）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="71"/>
        <source>满意率低于此值的街道和部门在报告中点名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="72"/>
        <source>预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="73"/>
        <source>保存…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="75"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="80"/>
        <source>时段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="82"/>
        <source>满意率底线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="150"/>
        <source>正在统计 %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="184"/>
        <source>%1：%2 页，受理 %3 件，办结率 %4，满意率 %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="196"/>
        <source>还没有可保存的报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="219"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="220"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ReportDialog.cpp" line="222"/>
        <source>保存报告</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPeriod</name>
    <message>
        <location filename="../modules/core/src/ReportPeriod.cpp" line="62"/>
        <source>%1 年没有第 %2 周（共 %3 周）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/ReportPeriod.cpp" line="69"/>
        <source>没有这个月份：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/ReportPeriod.cpp" line="76"/>
        <source>没有这一天：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/ReportPeriod.cpp" line="78"/>
        <source>时段的结束日 %1 早于开始日 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/ReportPeriod.cpp" line="80"/>
        <source>时段最长 %1 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/ReportPeriod.cpp" line="84"/>
        <source>时段应写作 2026-W47（周）、2026-11（月）或 2026-11-01..2026-11-30（日期范围），而不是 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/ReportPeriod.cpp" line="118"/>
        <source>%1至%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/ReportPeriod.cpp" line="124"/>
        <source>%1年第%2周</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/ReportPeriod.cpp" line="126"/>
        <source>%1年%2月</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskCalculator</name>
    <message>
        <location filename="../modules/risk/src/RiskCalculator.cpp" line="273"/>
        <source>%1下级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskCalculator.cpp" line="274"/>
        <source>个</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskDock</name>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="22"/>
        <source>规则调整</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="24"/>
        <source>数据变化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="26"/>
        <source>人工研判</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="28"/>
        <source>到期失效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="55"/>
        <source>在地图或网格层级中选择一个网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="62"/>
        <source>指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="62"/>
        <source>数值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="62"/>
        <location filename="../app/gridcommand/RiskDock.cpp" line="78"/>
        <location filename="../app/gridcommand/RiskDock.cpp" line="93"/>
        <source>分值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="66"/>
        <source>人工研判…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="68"/>
        <source>解除研判…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="78"/>
        <location filename="../app/gridcommand/RiskDock.cpp" line="93"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="78"/>
        <location filename="../app/gridcommand/RiskDock.cpp" line="93"/>
        <source>变化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="78"/>
        <location filename="../app/gridcommand/RiskDock.cpp" line="93"/>
        <source>原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="78"/>
        <location filename="../app/gridcommand/RiskDock.cpp" line="93"/>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="85"/>
        <source>等级变化时间线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="87"/>
        <source>所选网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="93"/>
        <source>网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="100"/>
        <source>最近变化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="112"/>
        <location filename="../app/gridcommand/RiskDock.cpp" line="128"/>
        <source>实时（拖动滑块回放近 %1 天全县颜色）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="113"/>
        <source>回到实时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="115"/>
        <source>%1 天前</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="115"/>
        <source>现在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="120"/>
        <source>90天回放</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="127"/>
        <source>回放：%1 的全县颜色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="184"/>
        <source>&lt;b&gt;%1&lt;/b&gt;（%2，%3）&#x3000;风险等级：&lt;b&gt;%4&lt;/b&gt;&#x3000;分值 %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="188"/>
        <source>&lt;br&gt;&lt;span style=&apos;color:#78148c&apos;&gt;人工研判中：%1，至 %2（%3：%4）&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="197"/>
        <source>%1%2</source>
        <comment>a value and its unit</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="198"/>
        <source>（封顶）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="202"/>
        <source>触发：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskDock.cpp" line="204"/>
        <source>至少%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskExplanation</name>
    <message>
        <location filename="../modules/risk/src/RiskAssessment.cpp" line="39"/>
        <source>，</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskAssessment.cpp" line="45"/>
        <source>%1 %2 个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskAssessment.cpp" line="49"/>
        <source>取下级最高等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskAssessment.cpp" line="52"/>
        <source>取至少 %1% 下级达到的最高等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskAssessment.cpp" line="55"/>
        <source>按人口加权平均下级等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskAssessment.cpp" line="58"/>
        <source>%1：下级 %2 个（%3），%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskAssessment.cpp" line="61"/>
        <source>无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskAssessment.cpp" line="61"/>
        <source>、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskAssessment.cpp" line="67"/>
        <source>%1 %2 %3 × %4 分 = %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskAssessment.cpp" line="70"/>
        <source>，封顶 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskAssessment.cpp" line="75"/>
        <source>合计 %1 ≥ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskAssessment.cpp" line="76"/>
        <source>合计 %1 &lt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskAssessment.cpp" line="77"/>
        <source>%1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskAssessment.cpp" line="82"/>
        <source>；触发“%1”（%2 ≥ %3）→ 至少%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskAssessment.cpp" line="86"/>
        <source>；规则判定%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskAssessment.cpp" line="90"/>
        <source>人工研判%1（%2，%3，至 %4）；规则判定 %5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskMapLink</name>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="52"/>
        <source>研判</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/RiskWiring.cpp" line="53"/>
        <source>人工研判中的网格（虚线框）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskRules</name>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="58"/>
        <source>风险规则：未知字段 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="65"/>
        <source>风险规则：%1 必须是非空文本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="74"/>
        <source>风险规则：缺少 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="78"/>
        <source>风险规则：%1 必须是数值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="82"/>
        <source>风险规则：%1 不能为负数（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="93"/>
        <location filename="../modules/risk/src/RiskRules.cpp" line="98"/>
        <source>风险规则：%1 必须是文本列表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="112"/>
        <source>风险规则：%1 的等级“%2”无效（应为 red、orange、yellow、blue、green）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="133"/>
        <source>风险规则：bands 为空，任何分值都没有色带</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="136"/>
        <source>风险规则：色带 %1 不可达（min 不小于 max）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="138"/>
        <source>风险规则：分值 [0, %1) 没有色带（缺口在 %2 之下）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="145"/>
        <source>风险规则：色带 %1 与 %2 重叠（同一 min）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="147"/>
        <source>风险规则：色带 %1 没有 max 却不是最高色带，与 %2 重叠</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="150"/>
        <source>风险规则：色带 %1 与 %2 重叠</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="152"/>
        <source>风险规则：色带 %1 与 %2 之间有缺口 [%3, %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="157"/>
        <source>风险规则：色带 %1 分值更高但等级不高于 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="160"/>
        <source>风险规则：分值 ≥ %1 没有色带（最高色带 %2 不应有 max）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="165"/>
        <source>风险规则：色带 %1 不可达：各指标封顶后最多 %2 分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="212"/>
        <source>风险规则：不是有效的 JSON（第 %1 字节：%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="218"/>
        <source>风险规则：顶层必须是对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="229"/>
        <source>风险规则：缺少 indicators 列表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="235"/>
        <location filename="../modules/risk/src/RiskRules.cpp" line="268"/>
        <source>风险规则：%1 必须是对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="245"/>
        <source>风险规则：指标 id“%1”重复（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="250"/>
        <source>风险规则：%1 的指标类型“%2”未知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="264"/>
        <source>风险规则：%1 的优先级“%2”未知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="272"/>
        <source>风险规则：%1 的权重必须是非负数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="284"/>
        <source>风险规则：%1 不大于 min_age_hours，指标永远为 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="287"/>
        <source>风险规则：%1 不大于 grace_days，指标永远为 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="304"/>
        <source>风险规则：%1 引用了未定义的指标“%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="313"/>
        <source>风险规则：缺少 bands 列表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="324"/>
        <source>风险规则：色带 %1 出现了两次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="345"/>
        <source>风险规则：parents.method“%1”未知（应为 highest、share、population_weighted）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskRules.cpp" line="349"/>
        <source>风险规则：parents.share 必须在 (0, 1] 之间</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskService</name>
    <message>
        <location filename="../modules/risk/src/RiskService.cpp" line="124"/>
        <source>县域没有任何网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskService.cpp" line="302"/>
        <source>县域保存的风险规则无效：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskService.cpp" line="374"/>
        <location filename="../modules/risk/src/RiskService.cpp" line="457"/>
        <source>风险引擎尚未加载</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskService.cpp" line="660"/>
        <location filename="../modules/risk/src/RiskService.cpp" line="707"/>
        <source>编码 %1 不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskService.cpp" line="664"/>
        <source>人工研判必须填写理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskService.cpp" line="668"/>
        <source>人工研判必须写明研判人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskService.cpp" line="672"/>
        <source>人工研判必须给出截止时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskService.cpp" line="676"/>
        <source>截止时间 %1 已过，不能设为人工研判的结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskService.cpp" line="711"/>
        <source>解除人工研判必须填写理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskService.cpp" line="716"/>
        <source>%1 没有生效的人工研判</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/risk/src/RiskService.cpp" line="886"/>
        <source>热点分析的层级或天数无效</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqliteReader</name>
    <message>
        <location filename="../modules/store/src/SqliteReader.cpp" line="56"/>
        <source>无法只读打开 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/SqliteReader.cpp" line="80"/>
        <source>查询失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketWorkflow</name>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="73"/>
        <source>登记不是流转操作，新工单请通过登记接口创建</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="75"/>
        <source>工单已处于“%1”状态，不能再%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="77"/>
        <source>工单处于“%1”状态，不能%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="79"/>
        <source>工单已在县级处置，无法继续上报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="81"/>
        <source>工单处于“%1”状态，未指派网格员核查，不能%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="84"/>
        <source>工单处于“%1”状态，核查网格员已于 %2 到场，不能再次%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="110"/>
        <source>未注明操作人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="114"/>
        <source>未注明操作时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="120"/>
        <source>%1需要指定承办部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="124"/>
        <source>改派的部门与当前承办部门相同</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="128"/>
        <source>%1需要说明原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="132"/>
        <source>%1需要填写处置结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="137"/>
        <source>%1需要指定网格员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="141"/>
        <source>工单已指派该网格员核查，尚未到场</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="147"/>
        <source>到场的网格员 %1 不是指派核查的网格员 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="153"/>
        <source>撤回后的状态只能是待受理、已受理或已退单，不能是“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="158"/>
        <source>并单需要指定主工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="162"/>
        <source>工单不能并入自身</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="273"/>
        <source>非本部门职责</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="274"/>
        <source>地址不清或不在辖区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="275"/>
        <source>诉求信息不全</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="276"/>
        <source>重复工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="277"/>
        <source>需多部门协调</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TicketWorkflow.cpp" line="278"/>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeLimitTable</name>
    <message>
        <location filename="../modules/core/src/TimeLimitTable.cpp" line="76"/>
        <source>%1：工作日“%2”无效，应为 1（周一）到 7（周日）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TimeLimitTable.cpp" line="88"/>
        <source>%1：节假日日期无效：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TimeLimitTable.cpp" line="105"/>
        <source>%1：规则“%2”的条件无效：%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TimeLimitTable.cpp" line="115"/>
        <source>%1：规则“%2”没有时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/src/TimeLimitTable.cpp" line="123"/>
        <source>%1：缺少工作日或时限规则</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ValidationDock</name>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="35"/>
        <source>网格检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="38"/>
        <source>全部层级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="41"/>
        <source>检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="42"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="46"/>
        <source>问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="46"/>
        <source>编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="46"/>
        <source>面积（m²）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="46"/>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="94"/>
        <source>正在检查…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="139"/>
        <source>已取消；显示已发现的 %1 个问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="142"/>
        <source>未发现问题：全覆盖、无缝隙、无重叠（%1 s）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="144"/>
        <source>发现 %1 个问题（%2 s）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VectorExporter</name>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="277"/>
        <source>没有指定输出文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="287"/>
        <source>未知的坐标系“%1”：PROJ 不认识它（示例：EPSG:4490、EPSG:4326、EPSG:4527）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="290"/>
        <source>GeoJSON 按 RFC 7946 只能使用 EPSG:4326（WGS 84），不能用 %1；请改用 --crs EPSG:4326，或换用 GeoPackage/Shapefile 输出其他坐标系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="294"/>
        <source>KML 只能使用 EPSG:4326（WGS 84），不能用 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="298"/>
        <source>未知的字符编码“%1”（可用：CP936、UTF-8）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="303"/>
        <source>%1 格式总是 UTF-8 编码；只有 Shapefile 可以选择 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="319"/>
        <source>输出目录不存在：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="328"/>
        <source>%1 已存在；如需覆盖请指定覆盖选项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="183"/>
        <source>无法写入 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="282"/>
        <source>不能写入 %1：它指向正在读取的县域数据 %2（或其 -wal/-shm/-journal 文件），写入会毁掉它</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="300"/>
        <source>Shapefile 输出文件名应以 .shp 结尾，或给出一个文件夹（已存在或以 / 结尾）：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="309"/>
        <source>CSV 输出文件名应以 .csv 结尾，或给出一个文件夹（已存在或以 / 结尾）：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="312"/>
        <source>没有图层名，无法在文件夹 %1 中命名输出文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="316"/>
        <source>%1 不是文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="321"/>
        <source>%1 是文件夹，不能写成 %2 文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="325"/>
        <source>不能覆盖 %1：它是一个正被打开的 SQLite 数据库（旁边有 -wal/-shm 文件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="465"/>
        <source>无法从 EPSG:4490 转换到 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="477"/>
        <source>无法按 %1 编码写出文字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="510"/>
        <source>GDAL 缺少 %1 驱动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="515"/>
        <source>无法创建 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="550"/>
        <source>无法创建图层：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="570"/>
        <source>无法创建字段 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="624"/>
        <source>第 %1 个要素的几何无法解析</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="632"/>
        <source>第 %1 个要素无法转换到 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="647"/>
        <source>无法开始事务：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="656"/>
        <source>已取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="671"/>
        <source>写入第 %1 个要素失败：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="683"/>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="687"/>
        <source>提交失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="694"/>
        <source>无法写完 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="707"/>
        <source>写出的 %1 不完整（磁盘已满或超出文件大小限制？）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorExporter.cpp" line="714"/>
        <source>无法写入 DBF 语言标识：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VectorImporter</name>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="74"/>
        <source>文件不存在：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="79"/>
        <source>%1 缺少同名的 %2 文件（Shapefile 由 .shp、.shx、.dbf 三个文件组成）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="101"/>
        <source>无法读取 %1：不是可识别的矢量数据，或文件已损坏%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="102"/>
        <source>（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="107"/>
        <source>%1 中没有图层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="124"/>
        <source>未知的字符编码“%1”（常用：CP936、UTF-8）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="133"/>
        <source>由 --encoding 指定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="133"/>
        <source>该格式规定为 UTF-8，--encoding 不适用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="143"/>
        <source>该格式规定为 UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="154"/>
        <source>来自 .cpg 文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="166"/>
        <source>来自 DBF 语言标识 0x%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="192"/>
        <source>%1 没有 .cpg 文件，也没有 DBF 编码标识，且文字既不是 UTF-8 也不是 GBK：请用 --encoding 指定编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="203"/>
        <source>DBF 语言标识 0x57（系统代码页）未指明编码，按内容识别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="204"/>
        <source>没有 .cpg 和 DBF 语言标识，按内容识别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="324"/>
        <source>坐标像是投影坐标（米），不是经纬度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="326"/>
        <source>；数值符合 CGCS2000 高斯-克吕格 EPSG:%1，可用 --assume-crs EPSG:%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="329"/>
        <source>；数值符合不带带号的 CGCS2000 高斯-克吕格坐标，按中央经线选用其一：%1（用 --assume-crs 指定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="333"/>
        <source>；请用 --assume-crs 指定实际坐标系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="337"/>
        <source>坐标像是经纬度（度），不是投影坐标；若是 CGCS2000 经纬度，可用 --assume-crs EPSG:4490</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="374"/>
        <source>第 %1 个要素</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="382"/>
        <source> 等 %1 个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="400"/>
        <source>没有名为“%1”的图层；可用的图层：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="462"/>
        <source>%1 不是面图层（几何类型为 %2）：网格边界必须是多边形</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="472"/>
        <source>%1 没有坐标系（缺少 .prj 或 srs）：请用 --assume-crs EPSG:N 指明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="479"/>
        <source>未知的坐标系“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="483"/>
        <source>坐标系按 --assume-crs 取 %1，未用源文件声明的 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="510"/>
        <source>无法从 %1 转换到 EPSG:4490：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="528"/>
        <source>%1 中找不到%2字段（现有字段：%3）；请用参数指定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="530"/>
        <source>%1 中没有字段“%2”（现有字段：%3）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="535"/>
        <source>编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="537"/>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="539"/>
        <source>上级编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="554"/>
        <source>已取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="648"/>
        <source>%1：几何无效，已修复（GEOS make-valid）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="665"/>
        <source>读取 %1 时出错（文件可能已损坏或被截断）：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="669"/>
        <source>%1 中有 %2 个要素不是多边形（或没有几何）：%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="676"/>
        <source>%1 中有 %2 个要素的坐标不是有限数（NaN 或无穷大）：%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="684"/>
        <source>%1 个要素的坐标超出坐标系 %2 的有效范围或不在中国境内（如 %3，x %4…%5，y %6…%7）%8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="695"/>
        <source>源数据带 %1 值，已去掉（县域图层按二维存储）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="700"/>
        <source>%1 个要素几何无效且无法修复为多边形：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="706"/>
        <source>%1 个要素缺少编码：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="710"/>
        <source>%1 中没有要素</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/VectorImporter.cpp" line="719"/>
        <source>%1 中编码重复：%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkerStatus</name>
    <message>
        <location filename="../modules/feed/src/WorkerStatus.cpp" line="33"/>
        <source>在线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/WorkerStatus.cpp" line="35"/>
        <source>信号延迟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/WorkerStatus.cpp" line="37"/>
        <source>离线</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkerTicketDrop</name>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="166"/>
        <source>拖动的内容不是工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="168"/>
        <source>工单来自其他县域（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="170"/>
        <source>请拖到一名网格员上</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="178"/>
        <source>工单 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="182"/>
        <source>松开鼠标：指派 %1 现场核查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="183"/>
        <source>不能指派核查：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="196"/>
        <source>%1 件工单已指派网格员现场核查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="197"/>
        <source>指派核查 %1 件成功，%2 件未执行：%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::GridHierarchyModel</name>
    <message>
        <location filename="../modules/store/src/GridHierarchyModel.cpp" line="92"/>
        <source>%1（%2）
编码：%3
风险等级：%4
户数：%5&#x3000;人口：%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/GridHierarchyModel.cpp" line="115"/>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/GridHierarchyModel.cpp" line="117"/>
        <source>编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/GridHierarchyModel.cpp" line="119"/>
        <source>风险</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/GridHierarchyModel.cpp" line="121"/>
        <source>户数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/store/src/GridHierarchyModel.cpp" line="123"/>
        <source>人口</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::dispatch::DepartmentChooser</name>
    <message>
        <location filename="../modules/dispatch/src/DepartmentChooser.cpp" line="23"/>
        <source>选择承办部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentChooser.cpp" line="25"/>
        <source>输入部门名称或编码筛选，↑↓ 选择，回车确认（★ 为推荐部门）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentChooser.cpp" line="28"/>
        <source>如：城管、JD…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentChooser.cpp" line="40"/>
        <source>★%1 %2（%3）— %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentChooser.cpp" line="49"/>
        <source>%1（%2）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::dispatch::DepartmentTreeModel</name>
    <message>
        <location filename="../modules/dispatch/src/DepartmentTreeModel.cpp" line="155"/>
        <source>★%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentTreeModel.cpp" line="161"/>
        <location filename="../modules/dispatch/src/DepartmentTreeModel.cpp" line="170"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentTreeModel.cpp" line="167"/>
        <source>%1：部门分组，请把工单拖到其下的具体部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentTreeModel.cpp" line="169"/>
        <source>%1（%2）
电话：%3
在办 %4 件，超期 %5 件，按时办结率 %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentTreeModel.cpp" line="173"/>
        <source>暂无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentTreeModel.cpp" line="204"/>
        <source>部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentTreeModel.cpp" line="206"/>
        <source>在办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentTreeModel.cpp" line="208"/>
        <source>超期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentTreeModel.cpp" line="210"/>
        <source>按时率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentTreeModel.cpp" line="237"/>
        <source>拖动的不是工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentTreeModel.cpp" line="240"/>
        <source>请把工单拖到具体部门上</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentTreeModel.cpp" line="242"/>
        <source>工单来自其他县域（%1），不能交办给本县部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentTreeModel.cpp" line="244"/>
        <source>“%1”是部门分组，请拖到其下的具体部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentTreeModel.cpp" line="253"/>
        <source>工单 %1 已由%2承办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentTreeModel.cpp" line="257"/>
        <source>工单 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::dispatch::DepartmentTreeView</name>
    <message>
        <location filename="../modules/dispatch/src/DepartmentTreeView.cpp" line="52"/>
        <source>松开鼠标：交办给 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentTreeView.cpp" line="54"/>
        <source>不能交办：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DepartmentTreeView.cpp" line="142"/>
        <source>未交办：松开时指针下的部门与提示的不同，请重新拖放</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::dispatch::DispatchWorkbench</name>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="83"/>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="89"/>
        <source>把工单拖到部门上即交办；Ctrl+D 选择部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="112"/>
        <source>已撤销 %1 件交办，工单回到待分流队列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="144"/>
        <source>待分流</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="145"/>
        <source>全部未结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="146"/>
        <source>全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="150"/>
        <source>全部类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="154"/>
        <source>全部来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="158"/>
        <source>全部优先级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="162"/>
        <source>街道/社区/网格编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="166"/>
        <source>搜索标题、编号、网格…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="168"/>
        <source>仅超期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="217"/>
        <source>交办选中工单给部门(&amp;D)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="222"/>
        <source>撤销上一次交办(&amp;U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="262"/>
        <source>正在载入工单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="270"/>
        <source>&lt;span style=&apos;color:#c62828&apos;&gt;无法载入工单：%1&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="315"/>
        <source>%1 %L2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="316"/>
        <source>&lt;span style=&apos;color:#c62828&apos;&gt;超期 %L1&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="317"/>
        <source>显示 %L1 件 · </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="324"/>
        <source>%1「%2」</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="327"/>
        <source>工单 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="332"/>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="333"/>
        <source>%1 件工单：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="333"/>
        <source>、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="439"/>
        <source>请先在队列中选择工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="443"/>
        <source>交办 %1 件工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="458"/>
        <source>改派</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="458"/>
        <source>改派原因：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="474"/>
        <source>没有可撤销的交办（交办后 %1 秒内可撤销）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="489"/>
        <source>%1
给 %2（%3）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="502"/>
        <source>确认改派</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="502"/>
        <source>改派 %1

改派原因：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="507"/>
        <source>确认交办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/DispatchWorkbench.cpp" line="507"/>
        <source>交办 %1

交办备注（可留空）：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::dispatch::TicketDetailWidget</name>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="26"/>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="99"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="34"/>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="88"/>
        <source>未选择工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="46"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="46"/>
        <source>操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="46"/>
        <source>操作人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="46"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="46"/>
        <source>部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="46"/>
        <source>原因/备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="62"/>
        <source>不在当前筛选中：这件工单已不在队列的筛选结果里，选择队列中的工单即切换</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="72"/>
        <source>流转记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="94"/>
        <source>工单 %1 · %2 · %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="97"/>
        <source> · ⚠ 超期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="108"/>
        <source>%1（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="110"/>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="111"/>
        <source>来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="112"/>
        <source>优先级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="113"/>
        <source>网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="114"/>
        <source>地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="115"/>
        <source>位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="116"/>
        <source>描述</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="117"/>
        <source>报告人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="118"/>
        <source>承办部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="119"/>
        <source>处置层级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="120"/>
        <source>登记时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="121"/>
        <source>办理时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="122"/>
        <source>首次交办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="123"/>
        <source>办结时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="124"/>
        <source>结案时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="125"/>
        <source>评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="126"/>
        <source>重办次数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="127"/>
        <source>催办次数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="129"/>
        <source>最近退单原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="131"/>
        <source>并入工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="133"/>
        <source>现场核查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="134"/>
        <source>网格员 %1，%2 到场</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="135"/>
        <source>网格员 %1，尚未到场</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="146"/>
        <source>照片：无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="146"/>
        <source>照片：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="150"/>
        <source>登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="154"/>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="190"/>
        <source>%1 工单 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="197"/>
        <source>原因：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="244"/>
        <source>处置结果：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="251"/>
        <source>撤回原因：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="263"/>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="266"/>
        <source>本县没有网格员，不能指派核查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="270"/>
        <source>指派网格员现场核查：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="278"/>
        <source>作废原因：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="288"/>
        <source>%1 · %2 · 相距 %3 米</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="294"/>
        <source>附近 7 天内无同类未结工单；输入主工单编号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="295"/>
        <source>并入主工单（可输入编号）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="306"/>
        <source>备注（可留空）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketDetailWidget.cpp" line="322"/>
        <source>工单 %1：%2 完成</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::dispatch::TicketQueueModel</name>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="19"/>
        <source>%1分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="22"/>
        <source>%1小时%2分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="23"/>
        <source>%1天%2小时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="86"/>
        <source>待评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="90"/>
        <source>无时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="94"/>
        <source>超期 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="96"/>
        <source>将到期 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="98"/>
        <source>剩余 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="119"/>
        <source>按时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="121"/>
        <source>将到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="123"/>
        <source>超期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="127"/>
        <source>无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="161"/>
        <source>⚑ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="187"/>
        <source>办理时限：%1（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="191"/>
        <source>退单原因：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="208"/>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="210"/>
        <source>剩余时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="212"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="214"/>
        <source>优先级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="216"/>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="218"/>
        <source>来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="220"/>
        <source>网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="222"/>
        <source>承办部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="224"/>
        <source>登记时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketQueueModel.cpp" line="226"/>
        <source>标题</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::dispatch::TicketService</name>
    <message>
        <location filename="../modules/dispatch/src/TicketService.cpp" line="24"/>
        <source>未设置值班员姓名，操作未执行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketService.cpp" line="39"/>
        <source>冲突：工单 %1 已被他人处理（现为“%2”），本次操作未执行，请刷新后再操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketService.cpp" line="134"/>
        <source>工单 %1 不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketService.cpp" line="157"/>
        <source>工单 %1 已交办给 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketService.cpp" line="158"/>
        <source>%1 件工单已交办给 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketService.cpp" line="175"/>
        <source>没有可撤销的交办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/TicketService.cpp" line="182"/>
        <source>交办已超过 %1 秒，不能撤销；如需调整请改派</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::dispatch::UndoBar</name>
    <message>
        <location filename="../modules/dispatch/src/UndoBar.cpp" line="17"/>
        <source>撤销(&amp;Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/dispatch/src/UndoBar.cpp" line="56"/>
        <source>%1（%2 秒内可撤销）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::feed::FeedPipeline</name>
    <message>
        <location filename="../modules/feed/src/FeedPipeline.cpp" line="416"/>
        <source>服务未启动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedPipeline.cpp" line="423"/>
        <source>服务繁忙，未保存，请稍后重发</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::feed::FeedServer</name>
    <message>
        <location filename="../modules/feed/src/FeedServer.cpp" line="36"/>
        <source>无法监听 %1:%2：%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedServer.cpp" line="51"/>
        <source>无法监听 OsmAnd 端口 %1:%2：%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedServer.cpp" line="69"/>
        <source>未知的终端令牌</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedServer.cpp" line="85"/>
        <source>服务停止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedServer.cpp" line="102"/>
        <source>路径应为 /feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedServer.cpp" line="110"/>
        <source>未知或已注销的终端令牌</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/feed/src/FeedServer.cpp" line="144"/>
        <source>发送过快（每台终端每秒 %1 条），未保存，请稍后重发</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::feed::WorkerListModel</name>
    <message>
        <location filename="../modules/workers/src/WorkerListModel.cpp" line="92"/>
        <source>%1（%2）
网格：%3
电话：%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workers/src/WorkerListModel.cpp" line="107"/>
        <source>无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workers/src/WorkerListModel.cpp" line="134"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workers/src/WorkerListModel.cpp" line="136"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workers/src/WorkerListModel.cpp" line="138"/>
        <source>网格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workers/src/WorkerListModel.cpp" line="140"/>
        <source>街道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workers/src/WorkerListModel.cpp" line="142"/>
        <source>最后定位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workers/src/WorkerListModel.cpp" line="144"/>
        <source>精度（米）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workers/src/WorkerListModel.cpp" line="146"/>
        <source>电话</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::feed::WorkerOverlay</name>
    <message>
        <location filename="../modules/workers/src/WorkerOverlay.cpp" line="239"/>
        <source>网格员：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workers/src/WorkerOverlay.cpp" line="242"/>
        <source>网格员（街道、全县视图）：空心圈，不遮挡风险底色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workers/src/WorkerOverlay.cpp" line="254"/>
        <source>网格员 %1（%2）
网格：%3
最后定位：%4，精度 %5 米
电话：%6</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::geo</name>
    <message>
        <location filename="../modules/geo/src/Geometry.cpp" line="97"/>
        <source>坐标不是有限数（NaN 或无穷大）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/Geometry.cpp" line="102"/>
        <source>坐标 (%1, %2) 超出经纬度范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/Geometry.cpp" line="131"/>
        <source>空几何</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/Geometry.cpp" line="207"/>
        <source>Invalid WKT: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/GeosSupport.cpp" line="41"/>
        <source>Empty geometry (no WKB data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/geo/src/GeosSupport.cpp" line="49"/>
        <source>Invalid WKB: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::map::GridSearchBox</name>
    <message>
        <location filename="../modules/map/src/GridSearchBox.cpp" line="15"/>
        <source>搜索网格名称或编码…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::map::LayerPanel</name>
    <message>
        <location filename="../modules/map/src/LayerPanel.cpp" line="27"/>
        <source>网格填色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/LayerPanel.cpp" line="30"/>
        <source>五色风险</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/LayerPanel.cpp" line="31"/>
        <source>热点（Gi*）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/LayerPanel.cpp" line="32"/>
        <source>不填色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/LayerPanel.cpp" line="43"/>
        <source>风险引擎计算热点后可用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/LayerPanel.cpp" line="57"/>
        <source>图层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/LayerPanel.cpp" line="61"/>
        <source>网格与名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/LayerPanel.cpp" line="62"/>
        <source>工单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/LayerPanel.cpp" line="63"/>
        <source>网格员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/LayerPanel.cpp" line="64"/>
        <source>底图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/LayerPanel.cpp" line="78"/>
        <source>符号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/LayerPanel.cpp" line="161"/>
        <source>工单和网格员图层加载后显示其符号</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::map::MapCanvas</name>
    <message>
        <location filename="../modules/map/src/MapCanvas.cpp" line="210"/>
        <source>不填色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/MapCanvas.cpp" line="310"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;编码：%2&lt;br&gt;层级：%3&lt;br&gt;风险等级：%4&lt;br&gt;户数：%L5&lt;br&gt;在办工单：%6&lt;br&gt;网格员：%7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/MapCanvas.cpp" line="489"/>
        <source>正在加载网格…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::map::MapLegend</name>
    <message>
        <location filename="../modules/map/src/MapLegend.cpp" line="23"/>
        <source>无障碍图案（颜色之外加纹理）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/MapLegend.cpp" line="74"/>
        <source>%1（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/MapLegend.cpp" line="52"/>
        <source>风险等级</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::map::MbTilesSource</name>
    <message>
        <location filename="../modules/map/src/MbTilesSource.cpp" line="25"/>
        <source>MBTiles 文件不存在：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/MbTilesSource.cpp" line="36"/>
        <source>不是可读的 MBTiles 文件：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::map::TicketOverlay</name>
    <message>
        <location filename="../modules/map/src/TicketOverlay.cpp" line="289"/>
        <source>&lt;b&gt;工单 #%1&lt;/b&gt; %2&lt;br&gt;%3&lt;br&gt;状态：%4%5&lt;br&gt;网格：%6&lt;br&gt;登记：%7&lt;br&gt;期限：%8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/TicketOverlay.cpp" line="292"/>
        <source>（已超期）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/TicketOverlay.cpp" line="325"/>
        <source>&lt;b&gt;%1&lt;/b&gt;：%2 件在办工单（%3 件超期）&lt;br&gt;点击放大</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/TicketOverlay.cpp" line="331"/>
        <source>%1 件在办工单（%2 件超期）&lt;br&gt;点击放大</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/TicketOverlay.cpp" line="374"/>
        <source>工单：待受理、退回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/TicketOverlay.cpp" line="375"/>
        <source>工单：已受理、已交办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/TicketOverlay.cpp" line="376"/>
        <source>工单：处置中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/TicketOverlay.cpp" line="377"/>
        <source>工单：已办结待评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/TicketOverlay.cpp" line="378"/>
        <source>菱形：矛盾纠纷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/TicketOverlay.cpp" line="379"/>
        <source>方形：城管事件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/TicketOverlay.cpp" line="380"/>
        <source>红圈：已超期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/TicketOverlay.cpp" line="381"/>
        <source>圆形数字：附近工单合计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/map/src/TicketOverlay.cpp" line="382"/>
        <source>圆角数字：街道/社区工单合计（全县视图）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gc::map::XyzTileSource</name>
    <message>
        <location filename="../modules/map/src/XyzTileSource.cpp" line="110"/>
        <source>底图不可用（离线？），%1 秒后重试</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
