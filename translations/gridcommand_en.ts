<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>GridHierarchyModel</name>
    <message>
        <location filename="../modules/store/src/GridHierarchyModel.cpp" line="92"/>
        <source>%1（%2）
编码：%3
风险等级：%4
户数：%5&#x3000;人口：%6</source>
        <translation>%1 (%2)
Code: %3
Risk level: %4
Households: %5  Population: %6</translation>
    </message>
    <message>
        <location filename="../modules/store/src/GridHierarchyModel.cpp" line="115"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../modules/store/src/GridHierarchyModel.cpp" line="117"/>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../modules/store/src/GridHierarchyModel.cpp" line="119"/>
        <source>风险</source>
        <translation>Risk</translation>
    </message>
    <message>
        <location filename="../modules/store/src/GridHierarchyModel.cpp" line="121"/>
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../modules/store/src/GridHierarchyModel.cpp" line="123"/>
        <source>人口</source>
        <translation>Population</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="43"/>
        <source>网格化指挥中心 — %1</source>
        <translation>GridCommand — %1</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="51"/>
        <source>%1
请在左侧网格层级中浏览</source>
        <translation>%1
Browse the grid hierarchy on the left</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="72"/>
        <source>已打开 %1</source>
        <translation>Opened %1</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="84"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="85"/>
        <source>打开县域数据(&amp;O)…</source>
        <translation>&amp;Open county…</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="88"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="93"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="94"/>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="95"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="96"/>
        <source>关于网格化指挥中心(&amp;A)</source>
        <translation>&amp;About GridCommand</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="97"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="98"/>
        <source>&lt;h3&gt;网格化指挥中心 GridCommand %1&lt;/h3&gt;&lt;p&gt;县级综治中心网格化管理指挥平台。&lt;/p&gt;&lt;p&gt;当前数据：%2（%3）&lt;br&gt;文件：%4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;GridCommand %1&lt;/h3&gt;&lt;p&gt;Grid management command center for county governance centers.&lt;/p&gt;&lt;p&gt;County: %2 (%3)&lt;br&gt;File: %4&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="103"/>
        <source>主工具栏</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="124"/>
        <source>按名称或编码筛选…</source>
        <translation>Filter by name or code…</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="152"/>
        <source>网格层级</source>
        <translation>Grid hierarchy</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="162"/>
        <source>%1 %L2</source>
        <translation>%1 %L2</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="192"/>
        <source>打开县域数据</source>
        <translation>Open county</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="193"/>
        <source>GridCommand 县域数据 (*.gpkg);;所有文件 (*)</source>
        <translation>GridCommand county (*.gpkg);;All files (*)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="199"/>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="21"/>
        <source>正在生成演示县域数据…</source>
        <translation>Generating the demo county…</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="22"/>
        <source>首次运行</source>
        <translation>First run</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="51"/>
        <source>网格化指挥中心</source>
        <translation>GridCommand</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="57"/>
        <source>县级综治中心网格化管理指挥平台</source>
        <translation>Grid management command center for county governance centers</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="61"/>
        <source>县域数据文件；省略时打开（首次运行时生成）演示县域</source>
        <translation>County file; without it the demo county is opened (and created on first run)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="72"/>
        <source>无法生成演示数据</source>
        <translation>Cannot create the demo county</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="82"/>
        <source>无法打开县域数据</source>
        <translation>Cannot open the county</translation>
    </message>
</context>
</TS>
