<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="28"/>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="69"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="30"/>
        <source>网格</source>
        <translation>Grids</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="31"/>
        <source>工单（点）</source>
        <translation>Tickets (points)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="37"/>
        <source>Shapefile（.shp）</source>
        <translation>Shapefile (.shp)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="38"/>
        <source>GeoPackage（.gpkg）</source>
        <translation>GeoPackage (.gpkg)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="39"/>
        <source>GeoJSON（RFC 7946，仅 WGS 84）</source>
        <translation>GeoJSON (RFC 7946, WGS 84 only)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="40"/>
        <source>KML（仅 WGS 84）</source>
        <translation>KML (WGS 84 only)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="41"/>
        <source>CSV（WKT 几何）</source>
        <translation>CSV (WKT geometry)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="43"/>
        <source>搜索坐标系：4527、Gauss、CGCS2000 …</source>
        <translation>Search CRS: 4527, Gauss, CGCS2000 …</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="53"/>
        <source>CP936（GBK，国内软件默认）</source>
        <translation>CP936 (GBK, default for Chinese software)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="57"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="61"/>
        <source>包含个人信息（电话、反映人、地址）</source>
        <translation>Include personal data (phone, reporter, address)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="62"/>
        <source>默认不导出个人信息；仅在确有需要并经批准时勾选</source>
        <translation>Personal data is not exported by default; tick only when truly necessary and approved</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="72"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="73"/>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="74"/>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="75"/>
        <source>坐标系</source>
        <translation>CRS</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="77"/>
        <source>字符编码</source>
        <translation>Encoding</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="78"/>
        <source>输出文件</source>
        <translation>Output file</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="164"/>
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="164"/>
        <source>%1 文件 (*.%2)</source>
        <translation>%1 files (*.%2)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="193"/>
        <source>请选择坐标系</source>
        <translation>Please choose a CRS</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="209"/>
        <source>正在读取县域数据…</source>
        <translation>Reading county data…</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="225"/>
        <source>正在写入 %1 个要素…</source>
        <translation>Writing %1 features…</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="240"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="243"/>
        <source>已导出 %1 个要素到 %2</source>
        <translation>Exported %1 features to %2</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ExportDialog.cpp" line="273"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>FeedWiring</name>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="245"/>
        <source>无法读取网格员：%1</source>
        <translation>Cannot read grid workers: %1</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="335"/>
        <source>没有在岗的网格员可以模拟</source>
        <translation>No on-duty grid workers to simulate</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="442"/>
        <source>收到上报事件：工单 %1</source>
        <translation>Report received: ticket %1</translation>
    </message>
</context>
<context>
    <name>GridHierarchyModel</name>
    <message>
        <source>%1（%2）
编码：%3
风险等级：%4
户数：%5&#x3000;人口：%6</source>
        <translation type="vanished">%1 (%2)
Code: %3
Risk level: %4
Households: %5  Population: %6</translation>
    </message>
    <message>
        <source>名称</source>
        <translation type="vanished">Name</translation>
    </message>
    <message>
        <source>编码</source>
        <translation type="vanished">Code</translation>
    </message>
    <message>
        <source>风险</source>
        <translation type="vanished">Risk</translation>
    </message>
    <message>
        <source>户数</source>
        <translation type="vanished">Households</translation>
    </message>
    <message>
        <source>人口</source>
        <translation type="vanished">Population</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="38"/>
        <source>导入网格边界</source>
        <translation>Import grid boundaries</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="41"/>
        <source>Shapefile、GeoPackage、GeoJSON、KML 或 .zip</source>
        <translation>Shapefile, GeoPackage, GeoJSON, KML or .zip</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="43"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="55"/>
        <source>自动（.cpg、DBF 标识或检测）</source>
        <translation>Automatic (.cpg, DBF flag or detection)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="60"/>
        <source>源数据没有坐标系时使用，例如 EPSG:4490</source>
        <translation>Used when the source has no CRS, e.g. EPSG:4490</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="76"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="80"/>
        <source>源文件</source>
        <translation>Source file</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="81"/>
        <source>图层</source>
        <translation>Layer</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="82"/>
        <source>导入到层级</source>
        <translation>Import to level</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="83"/>
        <source>字符编码</source>
        <translation>Encoding</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="84"/>
        <source>假定坐标系</source>
        <translation>Assumed CRS</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="85"/>
        <source>编码字段</source>
        <translation>Code field</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="86"/>
        <source>名称字段</source>
        <translation>Name field</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="87"/>
        <source>上级编码字段</source>
        <translation>Parent code field</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="164"/>
        <source>选择网格边界文件</source>
        <translation>Choose grid boundary file</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="165"/>
        <source>矢量数据 (*.shp *.zip *.gpkg *.geojson *.json *.kml *.kmz);;所有文件 (*)</source>
        <translation>Vector data (*.shp *.zip *.gpkg *.geojson *.json *.kml *.kmz);;All files (*)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="200"/>
        <source>%1，图层 %2，%3 个要素；坐标系 %4；编码 %5</source>
        <translation>%1, layer %2, %3 features; CRS %4; encoding %5</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="203"/>
        <source>未声明（请填写假定坐标系）</source>
        <translation>Not declared (enter an assumed CRS)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="204"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="205"/>
        <source>（按与上级的最大重叠）</source>
        <translation>(by largest overlap with parent)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="266"/>
        <source>已导入 %1 个%2（坐标系 %3，编码 %4）</source>
        <translation>Imported %1 features as %2 (CRS %3, encoding %4)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="271"/>
        <source>已修复 %1 个无效多边形：</source>
        <translation>Repaired %1 invalid polygons:</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="296"/>
        <source>未导入，县域数据未改变：%1</source>
        <translation>Not imported; county data unchanged: %1</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ImportDialog.cpp" line="306"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="48"/>
        <source>网格化指挥中心 — %1</source>
        <translation>GridCommand — %1</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="59"/>
        <source>%1
请在左侧网格层级中浏览</source>
        <translation>%1
Browse the grid hierarchy on the left</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="84"/>
        <source>已打开 %1</source>
        <translation>Opened %1</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="96"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="97"/>
        <source>打开县域数据(&amp;O)…</source>
        <translation>&amp;Open county…</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="100"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="105"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="106"/>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="107"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="108"/>
        <source>关于网格化指挥中心(&amp;A)</source>
        <translation>&amp;About GridCommand</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="109"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="110"/>
        <source>&lt;h3&gt;网格化指挥中心 GridCommand %1&lt;/h3&gt;&lt;p&gt;县级综治中心网格化管理指挥平台。&lt;/p&gt;&lt;p&gt;当前数据：%2（%3）&lt;br&gt;文件：%4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;GridCommand %1&lt;/h3&gt;&lt;p&gt;Grid management command center for county governance centers.&lt;/p&gt;&lt;p&gt;County: %2 (%3)&lt;br&gt;File: %4&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="115"/>
        <source>主工具栏</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="136"/>
        <source>按名称或编码筛选…</source>
        <translation>Filter by name or code…</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="164"/>
        <source>网格层级</source>
        <translation>Grid hierarchy</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="174"/>
        <source>%1 %L2</source>
        <translation>%1 %L2</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="260"/>
        <source>打开县域数据</source>
        <translation>Open county</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="261"/>
        <source>GridCommand 县域数据 (*.gpkg);;所有文件 (*)</source>
        <translation>GridCommand county (*.gpkg);;All files (*)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MainWindow.cpp" line="267"/>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AnalystWiring.cpp" line="20"/>
        <source>导入(&amp;I)…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AnalystWiring.cpp" line="21"/>
        <source>从 Shapefile、GeoPackage、GeoJSON、KML 导入网格边界</source>
        <translation>Import grid boundaries from Shapefile, GeoPackage, GeoJSON or KML</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AnalystWiring.cpp" line="22"/>
        <source>导出(&amp;E)…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AnalystWiring.cpp" line="23"/>
        <source>导出网格或工单为 Shapefile、GeoPackage、GeoJSON、KML、CSV</source>
        <translation>Export grids or tickets as Shapefile, GeoPackage, GeoJSON, KML or CSV</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AnalystWiring.cpp" line="33"/>
        <source>已导入 %1 个%2</source>
        <translation>Imported %1 features as %2</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AnalystWiring.cpp" line="50"/>
        <source>检查网格覆盖(&amp;C)</source>
        <translation>&amp;Check grid coverage</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/AnalystWiring.cpp" line="51"/>
        <source>检查缝隙、重叠、无效几何、超出上级、重复编码和无上级网格</source>
        <translation>Check for gaps, overlaps, invalid geometry, grids outside their parent, duplicate codes and orphan grids</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DispatchWiring.cpp" line="68"/>
        <source>工单队列</source>
        <translation>Ticket queue</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DispatchWiring.cpp" line="71"/>
        <source>职能部门</source>
        <translation>Departments</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DispatchWiring.cpp" line="75"/>
        <source>工单详情</source>
        <translation>Ticket details</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DispatchWiring.cpp" line="87"/>
        <source>交办选中工单给部门(&amp;D)…</source>
        <translation>&amp;Dispatch selected ticket to department…</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DispatchWiring.cpp" line="89"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="490"/>
        <source>网格员</source>
        <translation>Grid workers</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="496"/>
        <source>姓名、网格或街道</source>
        <translation>Name, grid or street</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="499"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="525"/>
        <source>地图跟随所选网格员</source>
        <translation>Map follows selected grid worker</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="531"/>
        <source>告警与到场</source>
        <translation>Alerts and arrivals</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="546"/>
        <source>在线 %1 · 信号延迟 %2 · 离线 %3</source>
        <translation>Online %1 · Delayed signal %2 · Offline %3</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="580"/>
        <source>轨迹回放</source>
        <translation>Track replay</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="584"/>
        <source>所选网格员</source>
        <translation>Selected grid worker</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="585"/>
        <source>所选网格员所在网格的全部网格员</source>
        <translation>All grid workers in the selected worker's grid</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="588"/>
        <source>最近 %1 小时</source>
        <translation>Last %1 hours</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="589"/>
        <source>载入</source>
        <translation>Load</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="590"/>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="678"/>
        <source>播放</source>
        <translation>Play</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="596"/>
        <source> 倍速</source>
        <translation>× speed</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="599"/>
        <source>在网格员列表中选中一人，再载入</source>
        <translation>Select a grid worker in the list, then load</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="634"/>
        <source>%1  工单 %2  %3</source>
        <translation>%1  Ticket %2  %3</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="646"/>
        <source>请先在网格员列表中选中一人（双击）</source>
        <translation>First select a grid worker in the list (double-click)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="667"/>
        <source>回放：%1 名网格员，%2 个定位点，%3 条工单记录</source>
        <translation>Replay: %1 grid workers, %2 positions, %3 ticket records</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="678"/>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="694"/>
        <source>实时接入服务（ws://127.0.0.1:%1/feed）</source>
        <translation>Live feed server (ws://127.0.0.1:%1/feed)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="696"/>
        <source>模拟网格员巡查</source>
        <translation>Simulate grid worker patrols</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="706"/>
        <source>实时接入服务运行中：%1</source>
        <translation>Live feed server running: %1</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="713"/>
        <source>实时接入服务：%1</source>
        <translation>Live feed server: %1</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="714"/>
        <source>实时接入服务未能启动：%1</source>
        <translation>Live feed server failed to start: %1</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="719"/>
        <source>正在准备模拟网格员…</source>
        <translation>Preparing simulated grid workers…</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="725"/>
        <source>模拟未能启动：%1</source>
        <translation>Simulation failed to start: %1</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="734"/>
        <source>%1 名模拟网格员正在接入 %2</source>
        <translation>%1 simulated grid workers connecting to %2</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="744"/>
        <source>演示：%1 名网格员正在巡查（%2）</source>
        <translation>Demo: %1 grid workers on patrol (%2)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="42"/>
        <source>无底图</source>
        <translation>No basemap</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="43"/>
        <source>OpenStreetMap</source>
        <translation>OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="45"/>
        <source>天地图矢量（需密钥）</source>
        <translation>Tianditu vector (key required)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="50"/>
        <source>高德地图（GCJ-02）</source>
        <translation>Amap (GCJ-02)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="64"/>
        <source>图例</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="72"/>
        <source>全县</source>
        <translation>Whole county</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="73"/>
        <source>显示全县（Home）</source>
        <translation>Show whole county (Home)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="74"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="75"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="90"/>
        <source>地图无法加载</source>
        <translation>The map could not be loaded</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="100"/>
        <source>刷新工单标注</source>
        <translation>Refresh ticket markers</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="131"/>
        <source>无法读取工单标注：%1</source>
        <translation>Cannot read ticket markers: %1</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="151"/>
        <source>底图</source>
        <translation>Basemap</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="160"/>
        <source>选择离线底图</source>
        <translation>Choose offline basemap</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="161"/>
        <source>MBTiles (*.mbtiles);;所有文件 (*)</source>
        <translation>MBTiles (*.mbtiles);;All files (*)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="167"/>
        <source>离线底图</source>
        <translation>Offline basemap</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="182"/>
        <source>天地图</source>
        <translation>Tianditu</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="182"/>
        <source>天地图开发者密钥（tk）：</source>
        <translation>Tianditu developer key (tk):</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/MapWiring.cpp" line="210"/>
        <source>离线 MBTiles 文件…</source>
        <translation>Offline MBTiles file…</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="22"/>
        <source>正在生成演示县域数据…</source>
        <translation>Generating the demo county…</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="23"/>
        <source>首次运行</source>
        <translation>First run</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="52"/>
        <source>网格化指挥中心</source>
        <translation>GridCommand</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="63"/>
        <source>县级综治中心网格化管理指挥平台</source>
        <translation>Grid management command center for county governance centers</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="67"/>
        <source>县域数据文件；省略时打开（首次运行时生成）演示县域</source>
        <translation>County file; without it the demo county is opened (and created on first run)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="78"/>
        <source>无法生成演示数据</source>
        <translation>Cannot create the demo county</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/main.cpp" line="88"/>
        <source>无法打开县域数据</source>
        <translation>Cannot open the county</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DispatchWiring.cpp" line="35"/>
        <source>值班员登录</source>
        <translation>Duty operator sign-in</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DispatchWiring.cpp" line="36"/>
        <source>请输入值班员姓名（记录在每一条工单流转记录上）：</source>
        <translation>Enter the duty operator name (recorded on every ticket history entry):</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/DispatchWiring.cpp" line="44"/>
        <source>值班员</source>
        <translation>Duty operator</translation>
    </message>
</context>
<context>
    <name>ValidationDock</name>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="35"/>
        <source>网格检查</source>
        <translation>Grid check</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="38"/>
        <source>全部层级</source>
        <translation>All levels</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="41"/>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="42"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="46"/>
        <source>问题</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="46"/>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="46"/>
        <source>面积（m²）</source>
        <translation>Area (m²)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="46"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="94"/>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="139"/>
        <source>已取消；显示已发现的 %1 个问题</source>
        <translation>Cancelled; showing %1 issues found so far</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="142"/>
        <source>未发现问题：全覆盖、无缝隙、无重叠（%1 s）</source>
        <translation>No issues: full coverage, no gaps, no overlaps (%1 s)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/ValidationDock.cpp" line="144"/>
        <source>发现 %1 个问题（%2 s）</source>
        <translation>Found %1 issues (%2 s)</translation>
    </message>
</context>
<context>
    <name>WorkerTicketDrop</name>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="168"/>
        <source>拖动的内容不是工单</source>
        <translation>The dragged item is not a ticket</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="170"/>
        <source>工单来自其他县域（%1）</source>
        <translation>Ticket is from another county (%1)</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="172"/>
        <source>请拖到一名网格员上</source>
        <translation>Drop onto a grid worker</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="180"/>
        <source>工单 %1：%2</source>
        <translation>Ticket %1: %2</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="184"/>
        <source>松开鼠标：指派 %1 现场核查</source>
        <translation>Release to assign %1 for on-site verification</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="185"/>
        <source>不能指派核查：%1</source>
        <translation>Cannot assign verification: %1</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="199"/>
        <source>%1 件工单已指派网格员现场核查</source>
        <translation>%1 tickets assigned to grid workers for on-site verification</translation>
    </message>
    <message>
        <location filename="../app/gridcommand/FeedWiring.cpp" line="200"/>
        <source>指派核查 %1 件成功，%2 件未执行：%3</source>
        <translation>Verification assigned for %1 tickets, %2 not assigned: %3</translation>
    </message>
</context>
</TS>
