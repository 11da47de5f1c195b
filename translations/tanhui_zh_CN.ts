<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CarbonCommand</name>
    <message>
        <location filename="../app/cli/CarbonCommand.cpp" line="+224"/>
        <location line="+22"/>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Land-cover raster and its year, FILE@YEAR; repeat for each date, earliest first.</source>
        <translation>土地覆盖栅格及其年份，格式为 FILE@YEAR；每个日期给出一次，从最早的日期开始。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FILE@YEAR</source>
        <translation>FILE@YEAR</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pools table CSV (lucode, c_above, c_below, c_soil, c_dead in t C/ha); default: the built-in table (values tagged unconfirmed).</source>
        <translation>碳库表 CSV（lucode、c_above、c_below、c_soil、c_dead，单位 t C/ha）；默认：内置表（其取值的标签为 unconfirmed）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <location line="+60"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>CSV whose rows replace rows of the pools table with the same lucode.</source>
        <translation>用该 CSV 的各行替换碳库表中 lucode 相同的行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Polygon layer for per-parcel results.</source>
        <translation>用于按地块输出结果的面图层。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parcel id field (default: the feature id).</source>
        <translation>地块编号字段（默认：要素编号）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+39"/>
        <location line="+4"/>
        <source>FIELD</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Layer name in a multi-layer source.</source>
        <translation>多图层数据源中的图层名。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attribute encoding of a shapefile.</source>
        <translation>Shapefile 属性编码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ENC</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CRS to assign to a parcel layer that has none.</source>
        <translation>为没有坐标参考系的地块图层指定坐标参考系。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRS</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>; default %1</source>
        <translation>；默认 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> Enables valuation.</source>
        <translation> 指定后启用价值核算。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>V</source>
        <translation>V</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output folder (created if missing).</source>
        <translation>输出文件夹（不存在时自动创建）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DIR</source>
        <translation>目录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Worker threads (default: all cores).</source>
        <translation>工作线程数（默认：全部核心）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No progress bar and no summary.</source>
        <translation>不显示进度条和摘要。</translation>
    </message>
    <message>
        <location line="-171"/>
        <location line="+232"/>
        <source>--threads must be a whole number from 0 (all cores) to 1024, not &apos;%1&apos;</source>
        <translation>--threads 必须是 0（全部核心）到 1024 之间的整数，而不是“%1”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--id needs --parcels</source>
        <translation>--id 需要同时指定 --parcels</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--lulc %1: expected FILE@YEAR, e.g. landcover_2015.tif@2015</source>
        <translation>--lulc %1：应为 FILE@YEAR 格式，如 landcover_2015.tif@2015</translation>
    </message>
    <message>
        <location line="-244"/>
        <location line="+249"/>
        <location line="+48"/>
        <source>input file not found: %1</source>
        <translation>找不到输入文件：%1</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>--%1 must be a number, not &apos;%2&apos;</source>
        <translation>--%1 必须是数字，而不是“%2”</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>--price needs two or more --lulc dates (value of the change)</source>
        <translation>--price 需要至少两个 --lulc 日期（估值对象是碳储量变化）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--discount and --price-change need --price</source>
        <translation>--discount 和 --price-change 需要同时指定 --price</translation>
    </message>
    <message>
        <location line="-279"/>
        <location line="+286"/>
        <source>--out %1: the folder cannot be created or is not writable</source>
        <translation>--out %1：无法创建该文件夹，或该文件夹不可写</translation>
    </message>
    <message>
        <location line="-370"/>
        <source>Carbon stocks, stock change and value from dated land-cover rasters (pool-table method: IPCC Tier 1 /
InVEST Carbon).

Each land-cover class gets four carbon densities (c_above, c_below, c_soil, c_dead, t C/ha) from the
pools table. Whole-raster totals are computed per cell as InVEST does: density × cell area summed over
valid cells. Change is reported two ways: change_&lt;y1&gt;_&lt;y2&gt; over cells valid on both dates, and
stock_difference_&lt;y1&gt;_&lt;y2&gt; = the difference of the two totals (they differ when nodata differs).
Valuation (--price): NPV = change × K with InVEST&apos;s constant K (discount and price change in %).

Outputs in --out DIR: totals.csv (quantity,value,unit), totals_by_class.csv, parameters_used.csv (every
table row used, with its evidence tag and source), c_density_&lt;year&gt;.tif (t C/ha: bands c_above, c_below,
c_soil, c_dead, c_total), c_change_&lt;y1&gt;_&lt;y2&gt;.tif (t C/ha), and with --parcels: parcels.csv and
parcels.gpkg (stocks per pool and date in t C and t C/ha, change in t C, t CO2e and t C/yr, flags).
Values tagged unconfirmed, secondary or example are listed as warnings and flagged per parcel.

Volume method (--method volume, carbon-methods.md §5): per sub-compartment (小班) from the stand
volume (m³/ha, --volume-field) and the dominant species (--species-field, mapped to a species group
of the species table): constant BEF, C = V × WD × BEF × (1 + R) × CF (§5.1), or continuous BEF,
C = (a·V + b) × 0.5 (§5.3). Stock per parcel = density × ellipsoidal area. Outputs in --out DIR:
parcels_volume.csv, parcels_volume.gpkg and totals_volume.csv.

Example:
  tanhui-cli carbon --method pools --lulc lc2015.tif@2015 --lulc lc2024.tif@2024 \
      --pools my_pools.csv --parcels xiaoban.shp --id XBH --price 220 --discount 8 --out carbon_out</source>
        <translation>根据带年份的土地覆盖栅格计算碳储量、碳储量变化及其价值（碳库表法：IPCC Tier 1 /
InVEST Carbon）。

每个土地覆盖类别从碳库表取得四个碳密度（c_above、c_below、c_soil、c_dead，t C/ha）。
全栅格总量按 InVEST 的做法逐像元计算：碳密度 × 像元面积，对所有有效
像元求和。变化量以两种方式报告：change_&lt;y1&gt;_&lt;y2&gt; 只统计两个日期均有效的像元；
stock_difference_&lt;y1&gt;_&lt;y2&gt; = 两个总量之差（两期无数据像元不同时，二者会有差异）。
价值核算（--price）：净现值 NPV = 变化量 × K，K 为 InVEST 的常数（贴现率和价格变化率以 % 表示）。

输出到 --out 目录：totals.csv（quantity,value,unit）、totals_by_class.csv、parameters_used.csv（列出
所用的每一行参数表及其证据标签和来源）、c_density_&lt;year&gt;.tif（t C/ha；波段 c_above、c_below、
c_soil、c_dead、c_total）、c_change_&lt;y1&gt;_&lt;y2&gt;.tif（t C/ha）；指定 --parcels 时还有 parcels.csv 和
parcels.gpkg（各碳库、各日期的储量，单位 t C 和 t C/ha；变化量，单位 t C、t CO2e 和 t C/yr；标记）。
标签为 unconfirmed、secondary 或 example 的取值会作为警告列出，并在相应地块上标记。

蓄积量法（--method volume，carbon-methods.md §5）：按小班的每公顷蓄积（m³/ha，--volume-field）和
优势树种（--species-field，映射到树种参数表中的树种组）计算：常数 BEF 法 C = V × WD × BEF × (1 + R) × CF（§5.1），
或连续 BEF 法 C = (a·V + b) × 0.5（§5.3）。地块储量 = 碳密度 × 椭球面积。输出到 --out 目录：
parcels_volume.csv、parcels_volume.gpkg 和 totals_volume.csv。

示例：
  tanhui-cli carbon --method pools --lulc lc2015.tif@2015 --lulc lc2024.tif@2024 \
      --pools my_pools.csv --parcels xiaoban.shp --id XBH --price 220 --discount 8 --out carbon_out</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>--%1 is not used by --method volume</source>
        <translation>--method volume 不使用 --%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--bef-form must be constant or continuous, not &apos;%1&apos;</source>
        <translation>--bef-form 必须是 constant 或 continuous，而不是“%1”</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>species table %1, row %2 (%3) is tagged %4: %5</source>
        <translation>树种参数表 %1 第 %2 行（%3）的标签为 %4：%5</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stock: %1 t C (%2 t CO2e) over %3 ha in %4 parcel(s), %5 BEF</source>
        <translation>储量：%1 t C（%2 t CO2e），面积 %3 ha，共 %4 个地块，%5 BEF</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 parcel(s) in %2 s; wrote %3</source>
        <translation>%1 个地块，用时 %2 秒；已写出 %3</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Carbon method: pools (land-cover rasters) or volume (stand volume and species).</source>
        <translation>碳计量方法：pools（土地覆盖栅格）或 volume（蓄积量和树种）。</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Volume method: field with the dominant species (e.g. 优势树种).</source>
        <translation>蓄积量法：优势树种字段（如 优势树种）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Volume method: field with the stand volume in m³/ha (e.g. 每公顷蓄积).</source>
        <translation>蓄积量法：每公顷蓄积字段，单位 m³/ha（如 每公顷蓄积）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Volume method: constant (V × WD × BEF × (1 + R) × CF, §5.1) or continuous (Fang: (a·V + b) × 0.5, §5.3); default constant.</source>
        <translation>蓄积量法：constant（V × WD × BEF × (1 + R) × CF，§5.1）或 continuous（方精云：(a·V + b) × 0.5，§5.3）；默认 constant。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FORM</source>
        <translation>形式</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Volume method: species parameter CSV (species_group, wd, bef, r, cf, fang_a, fang_b); default: the built-in table (values tagged unconfirmed).</source>
        <translation>蓄积量法：树种参数 CSV（species_group、wd、bef、r、cf、fang_a、fang_b）；默认：内置参数表（取值标签为 unconfirmed）。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>unknown --method &apos;%1&apos;; available: pools, volume</source>
        <translation>未知的 --method“%1”；可用：pools、volume</translation>
    </message>
    <message>
        <location line="+174"/>
        <source>pools table %1, row %2 (lucode %3 %4) is tagged %5: %6</source>
        <translation>碳库表 %1 第 %2 行（lucode %3 %4）的标签为 %5：%6</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 rows of the pools table %2 that this run used are not verified (land-cover codes %3); results depending on them are flagged, and every row with its tag and source is listed in %4</source>
        <translation>本次运行用到的碳库表 %2 中有 %1 行未经核实（土地覆盖代码 %3）；依赖这些行的结果已被标记，所有行及其标签和来源均列于 %4</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>stock %1: %2 t C</source>
        <translation>%1 年碳储量：%2 t C</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>change %1-%2: %3 t C over cells valid on both dates; difference of totals %4 t C</source>
        <translation>%1-%2 年碳储量变化：两期均有效的像元上为 %3 t C；两期总量之差为 %4 t C</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>npv %1-%2: %3 (K = %4 per t C)</source>
        <translation>%1-%2 年净现值：%3（K = %4，按每 t C 计）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 date(s), %2 parcel(s) in %3 s; wrote %4</source>
        <translation>%1 个日期，%2 个地块，用时 %3 秒；已写出 %4</translation>
    </message>
    <message>
        <location line="-325"/>
        <location line="+334"/>
        <source>cancelled; finished outputs in %1 were not replaced</source>
        <translation>已取消；%1 中已有的完整输出未被替换</translation>
    </message>
</context>
<context>
    <name>CarbonPools</name>
    <message>
        <location filename="../models/carbon/PoolMethod.cpp" line="+175"/>
        <source>no land-cover raster was given</source>
        <translation>未指定土地覆盖栅格</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>a land-cover raster must have exactly one band, this one has %1</source>
        <translation>土地覆盖栅格必须恰好有一个波段，该栅格有 %1 个</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a land-cover raster must hold whole-number class codes; its data type is %1</source>
        <translation>土地覆盖栅格必须存储整数类别代码；该栅格的数据类型为 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the raster&apos;s CRS has no linear unit; cell areas cannot be computed</source>
        <translation>该栅格的坐标参考系没有线性单位，无法计算像元面积</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the raster is not on the same grid as %1 (InVEST requires the same pixel size and dimensions; align the rasters first): %2 vs %3</source>
        <translation>该栅格与 %1 不在同一格网上（InVEST 要求像元大小和行列数相同；请先对齐栅格）：%2 与 %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the raster&apos;s CRS differs from that of %1</source>
        <translation>该栅格的坐标参考系与 %1 的不同</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 land-cover code(s) present in %2 but missing from the pools table: %3</source>
        <translation>%2 中有 %1 个土地覆盖代码在碳库表中缺失：%3</translation>
    </message>
</context>
<context>
    <name>CarbonTables</name>
    <message>
        <location filename="../models/carbon/CarbonTables.cpp" line="+149"/>
        <source>feature id in the parcel layer</source>
        <translation>地块图层中的要素编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the parcel id field</source>
        <translation>地块编号字段</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>majority land-cover class at the last date: code and name</source>
        <translation>最后一个日期面积最大的土地覆盖类别：代码和名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>carbon method: pools (IPCC Tier 1 / InVEST pool table)</source>
        <translation>碳计量方法：pools（IPCC Tier 1 / InVEST 碳库表）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ellipsoidal parcel area, ha</source>
        <translation>地块的椭球面面积，ha</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 stock in %2, t C</source>
        <translation>%2 年 %1 碳储量，t C</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>total carbon stock in %1, t C</source>
        <translation>%1 年总碳储量，t C</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>total carbon density in %1 over the parcel&apos;s valid area, t C/ha</source>
        <translation>%1 年地块有效面积上的总碳密度，t C/ha</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>covered nodata area in %1, ha</source>
        <translation>%1 年被覆盖的无数据面积，ha</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>carbon change %1 to %2 over cells valid on both dates, t C (positive = gain)</source>
        <translation>%1 年至 %2 年的碳储量变化（仅两期均有效的像元），t C（正值 = 增加）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the same change in t CO2e (× 44/12)</source>
        <translation>同一变化量折算为 t CO2e（× 44/12）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the same change per year, t C/yr</source>
        <translation>同一变化量的年均值，t C/yr</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>difference of the two stocks, each over its own valid cells, t C</source>
        <translation>两期碳储量之差（各按本期的有效像元计），t C</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>land-cover codes whose pool values are tagged secondary, unconfirmed or example (see parameters_used.csv)</source>
        <translation>碳库取值标签为 secondary、unconfirmed 或 example 的土地覆盖代码（见 parameters_used.csv）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>largest share of the parcel&apos;s covered area that is nodata, 0-1</source>
        <translation>各日期中地块被覆盖面积里无数据所占比例的最大值，0-1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 when the parcel geometry was invalid and repaired</source>
        <translation>地块几何无效并已修复时为 1</translation>
    </message>
</context>
<context>
    <name>CarbonVolume</name>
    <message>
        <location filename="../models/carbon/VolumeMethod.cpp" line="+99"/>
        <source>, … (%1 in all)</source>
        <translation>，…（共 %1 个）</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>the layer has no field &apos;%1&apos;; its fields are: %2</source>
        <translation>图层中没有字段“%1”；现有字段：%2</translation>
    </message>
    <message>
        <location line="+63"/>
        <location line="+42"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>feature %1 (id %2)</source>
        <translation>要素 %1（编号 %2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: the stand volume is missing</source>
        <translation>%1：缺少每公顷蓄积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: the stand volume &apos;%2&apos; is not a number</source>
        <translation>%1：每公顷蓄积“%2”不是数字</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the stand volume %2 m³/ha is negative</source>
        <translation>%1：每公顷蓄积 %2 m³/ha 为负值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the stand volume %2 m³/ha is implausibly large (more than %3 m³/ha); is it the parcel&apos;s total volume rather than per hectare?</source>
        <translation>%1：每公顷蓄积 %2 m³/ha 大得不合理（超过 %3 m³/ha）；是否填的是地块总蓄积而不是每公顷蓄积？</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&apos;%1&apos; (rows %2)</source>
        <translation>“%1”（第 %2 行）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown species group in %1 feature(s): %2; known: %3</source>
        <translation>%1 个要素的树种组未知：%2；已知：%3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>species group %1 has no continuous-BEF coefficients (fang_a, fang_b); use --bef-form constant or add them</source>
        <translation>树种组 %1 没有连续 BEF 系数（fang_a、fang_b）；请使用 --bef-form constant 或补充系数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 feature(s) have no stand volume (0 m³/ha) and get no tree carbon from the volume method (rows %2)%3</source>
        <translation>%1 个要素的每公顷蓄积为 0 m³/ha，蓄积量法不计其林木碳储量（第 %2 行）%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>; their species %1 are not in the species table</source>
        <translation>；其树种 %1 不在树种参数表中</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 feature(s) have a stand volume below %2 m³/ha, where the continuous BEF&apos;s intercept dominates (carbon-methods.md §5.3); rows %3</source>
        <translation>%1 个要素的每公顷蓄积低于 %2 m³/ha，此时连续 BEF 的截距项占主导（carbon-methods.md §5.3）；第 %3 行</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../app/cli/CarbonCommand.cpp" line="-458"/>
        <location line="+245"/>
        <location filename="../app/cli/CliCommon.cpp" line="+39"/>
        <source>(see tanhui-cli %1 --help)</source>
        <translation>（参见 tanhui-cli %1 --help）</translation>
    </message>
    <message>
        <location filename="../app/cli/CliCommon.cpp" line="+13"/>
        <source>unexpected argument &apos;%1&apos; %2</source>
        <translation>多余的参数“%1”%2</translation>
    </message>
    <message>
        <location filename="../app/cli/CarbonCommand.cpp" line="-247"/>
        <location line="+245"/>
        <location filename="../app/cli/CliCommon.cpp" line="+6"/>
        <source>missing --%1 %2</source>
        <translation>缺少 --%1%2</translation>
    </message>
    <message>
        <location filename="../app/cli/CliCommon.cpp" line="+8"/>
        <source>%1: feature %2 (id %3): %4</source>
        <translation>%1：要素 %2（编号 %3）：%4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: feature %2 (id %3) skipped: %4</source>
        <translation>%1：已跳过要素 %2（编号 %3）：%4</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>unexpected failure: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unexpected failure</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>error: </source>
        <translation>错误：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>warning: </source>
        <translation>警告：</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="+18"/>
        <source>Usage: tanhui-cli &lt;command&gt; [options]

Commands:
  sample   write the Guangzhou-like sample project (generated)
  zonal    exact per-parcel zonal statistics of raster bands
  carbon   carbon stocks, change and value from land-cover rasters
  gep      gross ecosystem product (GEP) per parcel

Run &apos;tanhui-cli &lt;command&gt; --help&apos; for the options of a command.
Options: --help, --version
</source>
        <translation>用法：tanhui-cli &lt;命令&gt; [选项]

命令：
  sample   写出仿广州的示例项目（生成数据）
  zonal    按地块对栅格波段做精确分区统计
  carbon   根据土地覆盖栅格计算碳储量、碳储量变化及其价值
  gep      按地块核算生态系统生产总值（GEP）

运行“tanhui-cli &lt;命令&gt; --help”查看某个命令的选项。
选项：--help、--version
</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>unknown command &apos;%1&apos; (see tanhui-cli --help)</source>
        <translation>未知命令 &apos;%1&apos;（参见 tanhui-cli --help）</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../app/common/ErrorText.cpp" line="+12"/>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Coordinate reference system problem</source>
        <translation>坐标参考系有误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unusable geometry</source>
        <translation>几何图形不可用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid input</source>
        <translation>输入参数无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading or writing data failed</source>
        <translation>数据读写失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operation cancelled</source>
        <translation>操作已取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>Gep</name>
    <message>
        <location filename="../models/gep/GepTables.cpp" line="+205"/>
        <source>price &apos;%1&apos; has no source; name the document, table and page (the app does not run with an unsourced price)</source>
        <translation>价格“%1”没有来源；请注明文献、表格和页码（没有来源的价格不能用于计算）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown price basis &apos;%1&apos;; use m3, t, t C, t CO2, t O2, kWh, ha, km or visit</source>
        <translation>未知的计价基准“%1”；请使用 m3、t、t C、t CO2、t O2、kWh、ha、km 或 visit</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unit &apos;%1&apos; does not match basis &apos;%2&apos; (expected &apos;%3&apos;): a price per t C and a price per t CO2 differ by 44/12</source>
        <translation>单位“%1”与计价基准“%2”不符（应为“%3”）：每吨碳与每吨 CO2 的价格相差 44/12 倍</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>unknown GEP profile &apos;%1&apos;; known profiles: %2</source>
        <translation>未知的 GEP 核算方案“%1”；已有方案：%2</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>unknown constant &apos;%1&apos; is ignored</source>
        <translation>未知常数“%1”，已忽略</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the deflator table has no &apos;%1&apos; level for year %2; add it to adjust price &apos;%3&apos; from %4 to %5 (gep-methods.md §5.3)</source>
        <translation>价格指数表中没有 %2 年的“%1”指数；请补充后才能将价格“%3”从 %4 年调整到 %5 年（gep-methods.md §5.3）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>adjusted from %1 (%2) by %3 index %4 → %5</source>
        <translation>由 %1（%2 年）按 %3 指数 %4 → %5 调整</translation>
    </message>
    <message>
        <location filename="../models/gep/Indicators.cpp" line="+23"/>
        <source>Material products</source>
        <translation>物质产品</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Water conservation</source>
        <translation>水源涵养</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Soil retention</source>
        <translation>土壤保持</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sand fixation</source>
        <translation>防风固沙</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Flood regulation</source>
        <translation>洪水调蓄</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Air purification</source>
        <translation>空气净化</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Water purification</source>
        <translation>水质净化</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Carbon sequestration</source>
        <translation>固碳</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Oxygen release</source>
        <translation>释氧</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Climate regulation</source>
        <translation>气候调节</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Pest and disease control</source>
        <translation>病虫害控制</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Coastal protection</source>
        <translation>海岸带防护</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Recreation</source>
        <translation>休闲旅游</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>price &apos;%1&apos; is missing from the price table %2; add a row with key &apos;%1&apos;, value, unit, basis, price_year, source and tag.</source>
        <translation>价格表 %2 中缺少价格“%1”；请添加一行：key 为“%1”，并填写 value、unit、basis、price_year、source 和 tag。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(none given)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>no product yields for this parcel or its land-cover class (give a products table)</source>
        <translation>该地块或其土地覆盖类型没有产品产量（请提供产品表）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not counted for ecosystem &apos;%1&apos; (saline or tidal water is not a usable supply, gep-methods.md §6.2)</source>
        <translation>生态系统“%1”不计入（咸水或潮间带水不是可利用的水源，gep-methods.md §6.2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no runoff coefficient for ecosystem &apos;%1&apos;</source>
        <translation>生态系统“%1”没有地表径流系数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no precipitation or evapotranspiration raster covers the parcel</source>
        <translation>没有降水或蒸散栅格覆盖该地块</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>storage</source>
        <translation>蓄水量</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not applicable to ecosystem group &apos;%1&apos; (gep-methods.md §3)</source>
        <translation>不适用于生态系统类别“%1”（gep-methods.md §3）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no RUSLE factors (R, K, C rasters and a DEM) cover the parcel</source>
        <translation>没有 RUSLE 因子（R、K、C 栅格和 DEM）覆盖该地块</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sediment (dredging)</source>
        <translation>泥沙（清淤）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nitrogen</source>
        <translation>氮</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>phosphorus</source>
        <translation>磷</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not applicable (no wind-erosion zone, gep-methods.md §4.4)</source>
        <translation>不适用（非风蚀区，gep-methods.md §4.4）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>storage depth × area</source>
        <translation>蓄水深度 × 面积</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>reservoir flood storage</source>
        <translation>水库防洪库容</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>vegetation storm retention</source>
        <translation>植被暴雨截留</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no storage depth for ecosystem &apos;%1&apos;, no reservoir capacity, and no storm-rainfall raster with a storm runoff coefficient</source>
        <translation>生态系统“%1”没有蓄水深度，没有水库库容，也没有暴雨降水栅格及暴雨径流系数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no air-purification capacities for ecosystem &apos;%1&apos;</source>
        <translation>生态系统“%1”没有空气净化能力参数</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>dust</source>
        <translation>粉尘</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no water-purification capacities for ecosystem &apos;%1&apos; (no verified default: supply them, gep-methods.md §4.7)</source>
        <translation>生态系统“%1”没有水质净化能力参数（无经核实的默认值：请自行提供，gep-methods.md §4.7）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>no carbon-engine result for the parcel (run the carbon pool method; carbon is never re-derived here)</source>
        <translation>该地块没有碳计算结果（请运行碳库方法；此处不重新推算碳）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>CO2 fixed</source>
        <translation>固定的 CO2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no carbon-engine result for the parcel</source>
        <translation>该地块没有碳计算结果</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the number of air-conditioning days D is not given</source>
        <translation>未给出空调开放天数 D</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no ET on air-conditioning days for ecosystem &apos;%1&apos;</source>
        <translation>生态系统“%1”没有空调开放日的蒸散量</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>electricity</source>
        <translation>电量</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>applies to natural forest and grassland only</source>
        <translation>仅适用于天然林和草地</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no protected shoreline length for the parcel</source>
        <translation>该地块没有受保护岸线长度</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sea-wall cost or design life not given (no verified default, gep-methods.md §4.12)</source>
        <translation>未给出海堤造价或设计寿命（无经核实的默认值，gep-methods.md §4.12）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>shoreline</source>
        <translation>岸线</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sea-wall cost / design life (user constants)</source>
        <translation>海堤造价 / 设计寿命（用户常数）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no visitor numbers or spending per visit for the parcel</source>
        <translation>该地块没有游客人次或人均花费</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>visits</source>
        <translation>游客人次</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>park table (travel cost per visit)</source>
        <translation>公园表（人均旅行费用）</translation>
    </message>
    <message>
        <location filename="../models/gep/Units.cpp" line="+93"/>
        <source>%1 is in &apos;%2&apos; but &apos;%3&apos; is required; convert it first.</source>
        <translation>%1 的单位是“%2”，但需要“%3”；请先换算。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+8"/>
        <source>an area must be in m2 or ha, not &apos;%1&apos;.</source>
        <translation>面积的单位必须是 m2 或 ha，而不是“%1”。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>price &apos;%1&apos; is quoted per &apos;%2&apos;; a carbon price must be per t C or per t CO2.</source>
        <translation>价格“%1”按“%2”计价；碳价必须按每吨碳或每吨 CO2 计价。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>converted from %1 CNY/t C × 12/44</source>
        <translation>由 %1 元/吨碳 × 12/44 换算</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>price &apos;%1&apos; is quoted in %2 but the quantity is in %3: a price per t C must not be applied to t CO2 (gep-methods.md §4.8); convert the price with × 12/44 or give it per %3.</source>
        <translation>价格“%1”的单位是 %2，但物理量的单位是 %3：每吨碳的价格不能用于吨 CO2（gep-methods.md §4.8）；请将价格 × 12/44 换算，或按 %3 给出价格。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>price &apos;%1&apos; is quoted in %2 but the quantity is in %3; fix the &apos;basis&apos; of the price.</source>
        <translation>价格“%1”的单位是 %2，但物理量的单位是 %3；请修改该价格的“basis”。</translation>
    </message>
</context>
<context>
    <name>GepCommand</name>
    <message>
        <location filename="../app/cli/GepCommand.cpp" line="+48"/>
        <source>Gross ecosystem product (GEP) per parcel (gep-methods.md): physical quantity, value (CNY), price and
source for every indicator of the accounting profile; GEP = material + regulating + cultural.

Inputs come from the project: parcel layers (forest sub-compartments, farmland plots, wetland units,
restoration plots), districts, and the rasters with roles precipitation, evapotranspiration, rusle_r,
rusle_k, rusle_c, dem and landcover. Ecosystem type = the parcel&apos;s majority land-cover class at the
latest date (coefficients from gep/ecosystem_params.csv). Soil retention R·K·LS·(1 − C·P) is computed
per pixel (LS from the DEM, see docs/gep.md; P = 1) and averaged per parcel with the exact zonal
engine. Carbon sequestration is the carbon pool method&apos;s per-parcel change (first → last land-cover
date, per year), never re-derived. Indicators without inputs are skipped and listed with the reason.

Outputs in --out DIR: indicators.csv (parcel × indicator: quantity, unit, value, price, price unit,
price year, source, tag, flags), parcels_&lt;layer&gt;.gpkg (one row per parcel with geometry and one value
column per indicator), totals.csv (by service, category, ecosystem type and district, with shares),
skipped.csv (layer, ecosystem, indicator, reason, parcels), prices_used.csv, and with --scenario: scenario_diff.csv.

Example:
  tanhui-cli gep --project sample/project.tanhui.json --out gep_out --ac-days 120</source>
        <translation>按地块核算生态系统生产总值（GEP，gep-methods.md）：对核算方案中的每个指标给出物理量、价值（元）、价格及
其来源；GEP = 物质产品 + 调节服务 + 文化服务。

输入来自项目：地块图层（森林小班、耕地地块、湿地单元、修复地块）、行政区，以及角色为 precipitation、
evapotranspiration、rusle_r、rusle_k、rusle_c、dem 和 landcover 的栅格。生态系统类型 = 地块在最新一期土地覆盖中
的众数类型（系数见 gep/ecosystem_params.csv）。土壤保持 R·K·LS·(1 − C·P) 按像元计算（LS 由 DEM 推算，见
docs/gep.md；P = 1），再用精确分区统计引擎求地块均值。固碳量取碳库方法按地块给出的变化量（首期 → 末期土地覆盖，
按年），不重新推算。缺少输入的指标会被跳过并列出原因。

--out DIR 中的输出：indicators.csv（地块 × 指标：物理量、单位、价值、价格、价格单位、价格年份、来源、标记、
提示）、parcels_&lt;图层&gt;.gpkg（每个地块一行，含几何和每个指标的价值列）、totals.csv（按服务、类别、生态系统类型
和行政区汇总，含占比）、skipped.csv（图层、生态系统、指标、原因、地块数）、prices_used.csv，使用 --scenario 时还有
scenario_diff.csv。

示例：
  tanhui-cli gep --project sample/project.tanhui.json --out gep_out --ac-days 120</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>cannot open the carbon table %1</source>
        <translation>无法打开碳计算结果表 %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the carbon table %1 is empty</source>
        <translation>碳计算结果表 %1 为空</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the carbon table %1 needs the id column &apos;%2&apos; and a column change_t_per_yr_&lt;y1&gt;_&lt;y2&gt; (t C/yr) or change_t_&lt;y1&gt;_&lt;y2&gt; (t C); write it with tanhui-cli carbon --parcels</source>
        <translation>碳计算结果表 %1 需要 id 列“%2”以及 change_t_per_yr_&lt;y1&gt;_&lt;y2&gt;（t C/年）或 change_t_&lt;y1&gt;_&lt;y2&gt;（t C）列；请用 tanhui-cli carbon --parcels 生成</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1, row %2, column %3: &apos;%4&apos; is not a number</source>
        <translation>%1，第 %2 行，列 %3：“%4”不是数字</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>raster %1 is not on the grid of the DEM %2; resample the RUSLE factors to the DEM grid (same origin, cell size and size)</source>
        <translation>栅格 %1 与 DEM %2 的网格不一致；请将 RUSLE 因子重采样到 DEM 网格（相同的原点、像元大小和行列数）</translation>
    </message>
    <message>
        <location line="+179"/>
        <source>soil retention: the project lacks one of the rasters dem, rusle_r, rusle_k, rusle_c</source>
        <translation>土壤保持：项目缺少 dem、rusle_r、rusle_k、rusle_c 栅格中的某一个</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the project needs at least two dated land-cover rasters (role landcover) for ecosystem types and carbon sequestration</source>
        <translation>项目至少需要两期带年份的土地覆盖栅格（角色 landcover），用于确定生态系统类型和固碳量</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the land-cover rasters cannot be used by the carbon pool method</source>
        <translation>土地覆盖栅格无法用于碳库方法</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>layer %1</source>
        <translation>图层 %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>raster %1 does not cover any parcel of layer %2 (%3); check the raster&apos;s extent and CRS against the parcels</source>
        <translation>栅格 %1 未覆盖图层 %2（%3）的任何地块；请检查栅格的范围和坐标系是否与地块一致</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>raster %1 has negative values (min %2 mm) under parcel %3 of layer %4; precipitation and evapotranspiration must be ≥ 0 mm/a (set negative cells to nodata or fix the product)</source>
        <translation>栅格 %1 在图层 %4 的地块 %3 下有负值（最小 %2 mm）；降水和蒸散必须 ≥ 0 mm/a（请将负值像元设为无数据，或修正数据产品）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>(no land cover)</source>
        <translation>（无土地覆盖）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>code %1</source>
        <translation>代码 %1</translation>
    </message>
    <message>
        <location line="+286"/>
        <source>Project file (project.tanhui.json).</source>
        <translation>项目文件（project.tanhui.json）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Output folder.</source>
        <translation>输出文件夹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accounting profile: RCEES_LEGACY (default) or NDRC2022.</source>
        <translation>核算方案：RCEES_LEGACY（默认）或 NDRC2022。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shipped price table: P0_RCEES2010 (default) or LYT1721_2008.</source>
        <translation>内置价格表：P0_RCEES2010（默认）或 LYT1721_2008。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>User price CSV over the price set (key, value, unit, basis, price_year, source; every row needs a source).</source>
        <translation>覆盖内置价格的用户价格 CSV（key、value、unit、basis、price_year、source；每行都必须有来源）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Price-level table (year, cpi, construction, market, source, tag) for --price-year.</source>
        <translation>用于 --price-year 的价格指数表（year、cpi、construction、market、source、tag）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Adjust every price to this year with --deflators (§5.3).</source>
        <translation>用 --deflators 将所有价格调整到该年份（§5.3）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Water-surface climate regulation: s1 (S1 form, default of the profile) or cop (cooling ÷ COP).</source>
        <translation>水面气候调节：s1（S1 公式，核算方案默认）或 cop（降温项 ÷ COP）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Days with air conditioning D (no default; climate regulation is skipped without it).</source>
        <translation>空调开放天数 D（无默认值；不给出时跳过气候调节）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Uniform slope length λ for the RUSLE L factor, m (default 22.13: L = 1).</source>
        <translation>RUSLE 坡长因子 L 使用的统一坡长 λ，米（默认 22.13：L = 1）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Comma-separated parcel layer ids (default: all parcel layers).</source>
        <translation>以逗号分隔的地块图层 id（默认：全部地块图层）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A scenario project (e.g. a restoration plan): its GEP minus the baseline&apos;s, per parcel and in total.</source>
        <translation>情景项目（如修复规划）：按地块和总计给出其 GEP 减去基准 GEP 的差值。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Per-parcel attributes CSV: parcel (&lt;layer&gt;:&lt;id&gt;), visits, spend_per_visit_cny, shoreline_m, reservoir_capacity_m3, source.</source>
        <translation>地块属性 CSV：parcel（&lt;图层&gt;:&lt;id&gt;）、visits、spend_per_visit_cny、shoreline_m、reservoir_capacity_m3、source。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Material products CSV: product, lucode, yield_t_per_ha, price_key (a key of the price table, per t), source.</source>
        <translation>物质产品 CSV：product、lucode、yield_t_per_ha、price_key（价格表中按吨计价的键）、source。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sea-wall construction cost, CNY per m (no verified default).</source>
        <translation>海堤建设成本，元/米（无经核实的默认值）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sea-wall design life, years.</source>
        <translation>海堤设计寿命，年。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Carbon result of a parcel layer: LAYER=parcels.csv written by tanhui-cli carbon --parcels (repeatable). Without it the pool method runs on the first and last land-cover dates.</source>
        <translation>地块图层的碳计算结果：LAYER=parcels.csv，由 tanhui-cli carbon --parcels 生成（可重复）。不给出时在首期和末期土地覆盖上运行碳库方法。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ecosystem coefficients CSV whose rows replace the default rows with the same lucode (e.g. water-purification capacities cod_kg_ha, nh3n_kg_ha, tp_kg_ha, which have no default).</source>
        <translation>生态系统系数 CSV，其中的行替换默认表中 lucode 相同的行（例如没有默认值的水质净化能力 cod_kg_ha、nh3n_kg_ha、tp_kg_ha）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No progress bar.</source>
        <translation>不显示进度条。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>--slope-length must be a positive number of metres, not &apos;%1&apos;</source>
        <translation>--slope-length 必须是正的米数，而不是“%1”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--carbon must be LAYER=FILE (e.g. xiaoban=carbon_out/parcels.csv), not &apos;%1&apos;</source>
        <translation>--carbon 必须是 LAYER=FILE（例如 xiaoban=carbon_out/parcels.csv），而不是“%1”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--ac-days must be a number of days between 0 and 366, not &apos;%1&apos;</source>
        <translation>--ac-days 必须是 0 到 366 之间的天数，而不是“%1”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--climate-variant must be s1 or cop, not &apos;%1&apos;</source>
        <translation>--climate-variant 必须是 s1 或 cop，而不是“%1”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--price-year and --deflators go together (gep-methods.md §5.3)</source>
        <translation>--price-year 与 --deflators 必须同时使用（gep-methods.md §5.3）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown --price-set &apos;%1&apos;; known: %2</source>
        <translation>未知的 --price-set“%1”；已有：%2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>--%1 must be a positive number, not &apos;%2&apos;</source>
        <translation>--%1 必须是正数，而不是“%2”</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>no price &apos;%1&apos; in the price table; add it with --prices (value, unit, basis t, price_year, source)</source>
        <translation>价格表中没有价格“%1”；请用 --prices 添加（value、unit、basis t、price_year、source）</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>profile %1 is tagged %2: %3</source>
        <translation>核算方案 %1 的标记为 %2：%3</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>timing: %1</source>
        <translation>耗时：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>profile %1, prices %2 (price years and sources in prices_used.csv)</source>
        <translation>核算方案 %1，价格 %2（价格年份和来源见 prices_used.csv）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 parcels</source>
        <translation>%1：%2 个地块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEP %1 CNY/a (%2 亿元)</source>
        <translation>GEP %1 元/年（%2 亿元）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  %1 %2: %3 CNY/a, %4 %</source>
        <translation>  %1 %2：%3 元/年，%4 %</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  ecosystem %1: %2 ha, %3 CNY/ha/a</source>
        <translation>  生态系统 %1：%2 公顷，%3 元/公顷/年</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>climate regulation is %1 % of GEP: it dominates the total and depends on the air-conditioning days D, on ET and on the water-surface variant (%2); report it separately (gep-methods.md §4.10, §10.2)</source>
        <translation>气候调节占 GEP 的 %1 %：它主导总值，并取决于空调开放天数 D、蒸散量和水面公式（%2）；请单独报告（gep-methods.md §4.10、§10.2）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 more reasons</source>
        <translation>另有 %1 条原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped %1 on %2 parcels (see skipped.csv): %3</source>
        <translation>%2 个地块跳过了 %1（见 skipped.csv）：%3</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>scenario GEP %1 CNY/a, difference %2 CNY/a</source>
        <translation>情景 GEP %1 元/年，差值 %2 元/年</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>GEP run cancelled</source>
        <translation>GEP 计算已取消</translation>
    </message>
</context>
<context>
    <name>MetadataFormatter</name>
    <message>
        <location filename="../app/gui/MetadataFormatter.cpp" line="+82"/>
        <source>No CRS — assign one before analysis</source>
        <translation>无坐标参考系——请在分析前指定</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unknown units</source>
        <translation>未知单位</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>m</source>
        <translation>米</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ft</source>
        <translation>英尺</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>US survey ft</source>
        <translation>美国测量英尺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRS units (1 unit = %1 m)</source>
        <translation>坐标系单位（1 单位 = %1 米）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 × %2 %3 (%4″ × %5″)</source>
        <translation>%1 × %2 %3（%4″ × %5″）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 × %2 %3</source>
        <translation>%1 × %2 %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>x: %1 … %2, y: %3 … %4 (%5)</source>
        <translation>x：%1 … %2，y：%3 … %4（%5）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Point</source>
        <translation>点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Line</source>
        <translation>线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Polygon</source>
        <translation>面</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Multipoint</source>
        <translation>多点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Multiline</source>
        <translation>多线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Multipolygon</source>
        <translation>多面</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Geometry collection</source>
        <translation>几何集合</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No geometry</source>
        <translation>无几何</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mixed geometry types</source>
        <translation>混合几何类型</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Integer</source>
        <translation>整型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Integer (64-bit)</source>
        <translation>长整型（64 位）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Real</source>
        <translation>浮点型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Binary</source>
        <translation>二进制</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>from the .cpg file</source>
        <translation>来自 .cpg 文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from the DBF language driver ID</source>
        <translation>来自 DBF 语言驱动标识</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>detected</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chosen by the user</source>
        <translation>用户指定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>defined by the format</source>
        <translation>由格式规定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Raster</source>
        <translation>栅格</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+61"/>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location line="-60"/>
        <location line="+61"/>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 × %2 (columns × rows)</source>
        <translation>%1 × %2（列 × 行）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cell size</source>
        <translation>像元大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+61"/>
        <source>Extent</source>
        <translation>范围</translation>
    </message>
    <message>
        <location line="-60"/>
        <location line="+59"/>
        <source>CRS</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Band count</source>
        <translation>波段数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bands</source>
        <translation>波段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Band</source>
        <translation>波段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data type</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NoData value</source>
        <translation>无数据值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Block size</source>
        <translation>分块大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overviews</source>
        <translation>金字塔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>scale %1, offset %2</source>
        <translation>缩放 %1，偏移 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dataset metadata</source>
        <translation>数据集元数据</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Vector layer</source>
        <translation>矢量图层</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>(one of %n layers in this file)</source>
        <translation>
            <numerusform>（本文件共 %n 个图层）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Geometry type</source>
        <translation>几何类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feature count</source>
        <translation>要素数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>empty layer</source>
        <translation>空图层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fields (%1)</source>
        <translation>字段（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This layer has no attribute fields.</source>
        <translation>该图层没有属性字段。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>Parameters</name>
    <message>
        <location filename="../app/cli/GepCommand.cpp" line="-1075"/>
        <source>parcel (&lt;layer&gt;:&lt;id&gt;)</source>
        <translation>地块（&lt;图层&gt;:&lt;id&gt;）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>visits per year</source>
        <translation>年游客人次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>travel cost per visit</source>
        <translation>人均旅行费用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>protected shoreline</source>
        <translation>受保护岸线</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>reservoir total capacity</source>
        <translation>水库总库容</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../models/carbon/PoolMethod.cpp" line="-196"/>
        <location filename="../models/gep/GepTables.cpp" line="-278"/>
        <source>land-cover code</source>
        <translation>土地覆盖代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yield</source>
        <translation>产量</translation>
    </message>
    <message>
        <location filename="../models/carbon/PoolMethod.cpp" line="+5"/>
        <source>above-ground carbon stock</source>
        <translation>地上生物量碳储量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>below-ground carbon stock</source>
        <translation>地下生物量碳储量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>soil organic carbon stock</source>
        <translation>土壤有机碳储量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dead wood and litter carbon stock</source>
        <translation>枯死木和凋落物碳储量</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>species group</source>
        <translation>树种组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>basic wood density</source>
        <translation>基本木材密度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>biomass expansion factor</source>
        <translation>生物量扩展因子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>root-to-shoot ratio</source>
        <translation>根茎比</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>carbon fraction of dry matter</source>
        <translation>干物质含碳率</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fang continuous BEF slope a</source>
        <translation>方精云连续 BEF 函数斜率 a</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fang continuous BEF intercept b</source>
        <translation>方精云连续 BEF 函数截距 b</translation>
    </message>
    <message>
        <location filename="../models/carbon/Valuation.cpp" line="+40"/>
        <source>carbon price</source>
        <translation>碳价</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>discount rate</source>
        <translation>贴现率</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>annual price change</source>
        <translation>年价格变化率</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>land-cover year</source>
        <translation>土地覆盖年份</translation>
    </message>
    <message>
        <location filename="../models/params/Parameter.cpp" line="+47"/>
        <source>taken from the named primary source</source>
        <translation>取自注明的原始来源</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>quoted by a secondary source; confirm against the primary table</source>
        <translation>引自二手来源；需对照原始表格核实</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>widely reproduced value; its primary table still has to be transcribed and cited</source>
        <translation>广泛引用的取值；其原始表格尚待转录和引用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>illustrative value, not a default</source>
        <translation>示例取值，不作为默认值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user-supplied</source>
        <translation>用户提供</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>column %1</source>
        <translation>列 %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 must be a finite number</source>
        <translation>%1 必须是有限数值</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 must be a whole number, not %2</source>
        <translation>%1 必须是整数，而不是 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is %2 %3, outside the valid range %4 to %5 %3</source>
        <translation>%1 为 %2 %3，超出有效范围 %4 至 %5 %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is %2 %; percentages are written as percent (7 means 7 %), so %2 looks like a fraction (did you mean %3?)</source>
        <translation>%1 为 %2 %；百分比按百分数填写（7 表示 7 %），因此 %2 看起来像小数（是否应为 %3？）</translation>
    </message>
    <message>
        <location filename="../models/gep/GepTables.cpp" line="-60"/>
        <source>GEP profile</source>
        <translation>GEP 核算方案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>vegetation flood term</source>
        <translation>植被洪水调蓄项</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>water-surface cooling divided by COP</source>
        <translation>水面降温项除以 COP</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>price key</source>
        <translation>价格键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>price year</source>
        <translation>价格年份</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>surface runoff coefficient α</source>
        <translation>地表径流系数 α</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>storm runoff coefficient</source>
        <translation>暴雨径流系数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>flood storage depth</source>
        <translation>洪水蓄水深度</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SO2 absorption</source>
        <translation>SO2 吸收量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOx absorption</source>
        <translation>NOx 吸收量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dust retention</source>
        <translation>滞尘量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>COD removal</source>
        <translation>COD 去除量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NH3-N removal</source>
        <translation>氨氮去除量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TP removal</source>
        <translation>总磷去除量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ET on air-conditioning days</source>
        <translation>空调开放日蒸散量</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>water conservation counted</source>
        <translation>计入水源涵养</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>constant</source>
        <translation>常数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../models/params/Parameter.cpp" line="+15"/>
        <source>year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>consumer price level</source>
        <translation>消费价格水平</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>construction cost level</source>
        <translation>建设成本水平</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>market price level</source>
        <translation>市场价格水平</translation>
    </message>
    <message>
        <location filename="../models/params/Parameter.cpp" line="+1"/>
        <source>years out of order: %1 comes after %2; dates must be given from the earliest to the latest, each year once</source>
        <translation>年份顺序错误：%1 排在 %2 之后；日期必须从最早到最晚给出，每个年份只出现一次</translation>
    </message>
    <message>
        <location filename="../models/params/ParameterTable.cpp" line="+149"/>
        <source>cannot open the table: %1</source>
        <translation>无法打开表格：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a quoted field is not closed (missing &apos;&quot;&apos;)</source>
        <translation>带引号的字段未闭合（缺少 &apos;&quot;&apos;）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the table is empty: a header row with the column %1 is expected</source>
        <translation>表格为空：应有包含 %1 列的表头行</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the key column %1 is missing (columns found: %2)</source>
        <translation>缺少键列 %1（已找到的列：%2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the column %1 (%2, %3) is missing</source>
        <translation>缺少列 %1（%2，%3）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the column source (where each value comes from) is missing</source>
        <translation>缺少 source 列（每个数值的出处）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the column tag (verified, secondary, unconfirmed or example) is missing</source>
        <translation>缺少 tag 列（verified、secondary、unconfirmed 或 example）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the %1 is empty</source>
        <translation>%1 为空</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the %1 must be a whole number, not &apos;%2&apos;</source>
        <translation>%1 必须是整数，而不是“%2”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the %1 %2 appears more than once; each key must have one row</source>
        <translation>%1 %2 出现了多次；每个键只能有一行</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the value is empty; a number in %1 is expected</source>
        <translation>数值为空；应填写以 %1 为单位的数值</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;%1&apos; is not a number (%2 expected)</source>
        <translation>“%1”不是数值（应为以 %2 为单位的数值）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>negative value %1 %2: %3 cannot be negative</source>
        <translation>负值 %1 %2：%3 不能为负</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 %2 is outside the valid range %3 to %4 %2</source>
        <translation>%1 %2 超出有效范围 %3 至 %4 %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the source is empty; name the document and table, or the repository and path</source>
        <translation>来源为空；请注明文献及表格，或代码仓库及路径</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown tag &apos;%1&apos;; use verified, secondary, unconfirmed or example</source>
        <translation>未知的标签“%1”；请使用 verified、secondary、unconfirmed 或 example</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1, row %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>every value of this percent column lies between -1 and 1; it looks like fractions (0.07) were given where percent (7) is expected</source>
        <translation>该百分比列的所有数值都在 -1 到 1 之间；似乎应填百分数（7）的地方填了小数（0.07）</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 present in %2 but missing from the table (%3 in all): %4</source>
        <translation>%2 中存在但表中缺少的 %1（共 %3 个）：%4</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>unknown %1 &apos;%2&apos;; known: %3</source>
        <translation>未知的 %1“%2”；已知：%3</translation>
    </message>
</context>
<context>
    <name>SampleCommand</name>
    <message>
        <location filename="../app/cli/SampleCommand.cpp" line="+27"/>
        <source>Writes Tanhui&apos;s sample project: a fictional, deterministic study area shaped like the northern
hills and the southern estuary of Guangzhou, in EPSG:4547 (CGCS2000 / 3-degree Gauss-Kruger CM 114E)
with 10 m cells.

Files (paths relative to --out):
  rasters/landcover_&lt;year&gt;.tif    land cover 2015, 2018, 2021, 2024 (13 classes, colour table)
  rasters/ndvi_&lt;year&gt;.tif         NDVI 2015-2024; rasters/ndvi_2015-2024.tif as one 10-band file
  rasters/dem.tif, precipitation.tif, evapotranspiration.tif, rusle_r.tif, rusle_k.tif, rusle_c.tif
  vectors/xiaoban.shp             forest sub-compartments (GBK shapefile, id field 小班号)
  vectors/farmland_plots.gpkg, wetland_units.gpkg, mangrove_restoration.gpkg, districts.gpkg
  parameters/                     the default parameter tables
  project.tanhui.json             the project file referencing all of them

The same seed and size always give byte-identical files. An existing folder that is not empty is
refused unless --force is given; --force replaces only the files listed above.

Sizes: small (20 x 20 km, 2000 x 2000 cells, seconds), city (86 x 86 km, 8600 x 8600 cells,
a few minutes).

Example:
  tanhui-cli sample --out sample
  tanhui-cli zonal --parcels sample/vectors/xiaoban.shp --id 小班号 \
      --raster sample/rasters/landcover_2015.tif --raster sample/rasters/landcover_2024.tif \
      --stats count,majority,frac,area --out xiaoban_landcover.csv</source>
        <translation>写出碳汇示例项目：一个虚构的、确定性生成的研究区，地形仿照广州北部
山地和南部河口，坐标参考系为 EPSG:4547（CGCS2000 / 3-degree Gauss-Kruger CM 114E），
像元大小 10 m。

文件（路径相对于 --out）：
  rasters/landcover_&lt;year&gt;.tif    2015、2018、2021、2024 年土地覆盖（13 个类别，带颜色表）
  rasters/ndvi_&lt;year&gt;.tif         2015-2024 年 NDVI；rasters/ndvi_2015-2024.tif 为合并的 10 波段文件
  rasters/dem.tif, precipitation.tif, evapotranspiration.tif, rusle_r.tif, rusle_k.tif, rusle_c.tif
  vectors/xiaoban.shp             森林小班（GBK 编码的 Shapefile，编号字段 小班号）
  vectors/farmland_plots.gpkg, wetland_units.gpkg, mangrove_restoration.gpkg, districts.gpkg
  parameters/                     默认参数表
  project.tanhui.json             引用以上所有文件的项目文件

相同的种子和规模总是生成逐字节相同的文件。已存在的非空文件夹会被拒绝，
除非指定 --force；--force 只替换上面列出的文件。

规模：small（20 x 20 km，2000 x 2000 个像元，数秒），city（86 x 86 km，8600 x 8600 个像元，
数分钟）。

示例：
  tanhui-cli sample --out sample
  tanhui-cli zonal --parcels sample/vectors/xiaoban.shp --id 小班号 \
      --raster sample/rasters/landcover_2015.tif --raster sample/rasters/landcover_2024.tif \
      --stats count,majority,frac,area --out xiaoban_landcover.csv</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Folder to write the project into.</source>
        <translation>写入项目的文件夹。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DIR</source>
        <translation>目录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Landscape seed, a whole number (default 2024).</source>
        <translation>景观随机种子，整数（默认 2024）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>small (default) or city.</source>
        <translation>small（默认）或 city。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIZE</source>
        <translation>规模</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write into a folder that is not empty, replacing the sample&apos;s own files (and no others).</source>
        <translation>写入非空文件夹，只替换示例项目自身的文件（不动其他文件）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Worker threads (default: all cores); the files do not depend on it.</source>
        <translation>工作线程数（默认：全部核心）；生成的文件与线程数无关。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No progress bar and no summary.</source>
        <translation>不显示进度条和摘要。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--seed must be a non-negative whole number, not &apos;%1&apos;</source>
        <translation>--seed 必须是非负整数，而不是“%1”</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--size must be small or city, not &apos;%1&apos;</source>
        <translation>--size 必须是 small 或 city，而不是“%1”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--threads must be a whole number from 0 (all cores) to 1024, not &apos;%1&apos;</source>
        <translation>--threads 必须是 0（全部核心）到 1024 之间的整数，而不是“%1”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--out %1 is a file, not a folder</source>
        <translation>--out %1 是文件，不是文件夹</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--out %1 is not empty; choose a new folder, or add --force to replace the sample&apos;s files in it (other files are kept)</source>
        <translation>--out %1 不是空文件夹；请选择新的文件夹，或加上 --force 替换其中的示例项目文件（其他文件保留）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>wrote %1 files in %2 s; project file: %3</source>
        <translation>已写出 %1 个文件，用时 %2 秒；项目文件：%3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cancelled; files already replaced in %1 are complete, the rest unchanged</source>
        <translation>已取消；%1 中已替换的文件都是完整的，其余文件未改动</translation>
    </message>
</context>
<context>
    <name>ZonalCommand</name>
    <message>
        <location filename="../app/cli/ZonalCommand.cpp" line="+48"/>
        <source>Exact per-parcel zonal statistics of raster bands.

Each parcel&apos;s exact cell coverage (the share of every cell&apos;s area inside the parcel) is computed
once per raster grid and reused for every band and file on that grid. Parcels are reprojected to
each raster&apos;s CRS; rasters are never resampled. Nodata and NaN cells are excluded and reported as
nodata area. Areas are true (ellipsoidal) areas in hectares.

Output: one row per parcel. Columns: fid, the id field, area_ha (ellipsoidal), planar_area_ha,
geometry_repaired, then for every raster band &lt;prefix&gt;_&lt;stat&gt; where &lt;prefix&gt; is the file name
(plus _b&lt;N&gt; for multi-band files): count_cells (coverage-weighted valid cells), sum, mean, min, max,
stdev (raster units), majority, minority, variety, frac_&lt;class&gt; (share of valid area, 0-1),
area_ha_&lt;class&gt; (ha), and always nodata_ha and outside_ha (ha).
A .gpkg output also carries each parcel&apos;s geometry. The output is written to a temporary file and
renamed when complete, so an existing file is never left half-written.

Example:
  tanhui-cli zonal --parcels xiaoban.shp --id XBH --raster lc2015.tif --raster lc2024.tif \
      --stats count,majority,frac,area --out xiaoban_landcover.csv</source>
        <translation>按地块对栅格波段做精确分区统计。

每个地块的精确像元覆盖（每个像元面积落在地块内的比例）对每个栅格格网只计算一次，并在该格网上的所有波段和文件之间复用。地块被重投影到各栅格的坐标参考系，栅格从不重采样。无数据值和 NaN 像元不参与统计，单独报告为无数据面积。面积均为真实（椭球面）面积，单位为公顷。

输出：每个地块一行。列依次为：fid、编号字段、area_ha（椭球面积）、planar_area_ha、
geometry_repaired，然后对每个栅格波段输出 &lt;前缀&gt;_&lt;统计量&gt;，其中 &lt;前缀&gt; 为文件名
（多波段文件另加 _b&lt;N&gt;）：count_cells（按覆盖比例加权的有效像元数）、sum、mean、min、max、
stdev（栅格单位）、majority、minority、variety、frac_&lt;类别&gt;（占有效面积的比例，0-1）、
area_ha_&lt;类别&gt;（公顷），以及始终输出的 nodata_ha 和 outside_ha（公顷）。
.gpkg 输出同时带有每个地块的几何。结果先写入临时文件，完成后再重命名，因此已有文件绝不会只写了一半。

示例：
  tanhui-cli zonal --parcels xiaoban.shp --id XBH --raster lc2015.tif --raster lc2024.tif \
      --stats count,majority,frac,area --out xiaoban_landcover.csv</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Polygon layer file (Shapefile, GeoPackage, GeoJSON, FileGDB, KML).</source>
        <translation>面图层文件（Shapefile、GeoPackage、GeoJSON、FileGDB、KML）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <location line="+7"/>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Layer name in a multi-layer source (default: first).</source>
        <translation>多图层数据源中的图层名（默认：第一个图层）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Field identifying each parcel (default: the feature id).</source>
        <translation>标识每个地块的字段（默认：要素编号）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FIELD</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Raster file; repeat for several dates or layers. Every band is used.</source>
        <translation>栅格文件；多个日期或多个图层时重复给出。使用全部波段。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comma-separated statistics: %1 (default: count,sum,mean).</source>
        <translation>以逗号分隔的统计量：%1（默认：count,sum,mean）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LIST</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Output table: .csv or .gpkg.</source>
        <translation>输出表：.csv 或 .gpkg。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Worker threads (default: all cores).</source>
        <translation>工作线程数（默认：全部核心）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Memory budget in MB for raster buffers and cache (default 512).</source>
        <translation>栅格缓冲区和缓存的内存预算，单位 MB（默认 512）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attribute encoding of a shapefile, e.g. GBK or UTF-8 (default: .cpg, or detected).</source>
        <translation>Shapefile 属性编码，如 GBK 或 UTF-8（默认：按 .cpg，或自动检测）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ENC</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CRS to assign to a parcel layer that has none, e.g. EPSG:4547.</source>
        <translation>为没有坐标参考系的地块图层指定坐标参考系，如 EPSG:4547。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRS</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No progress bar and no summary.</source>
        <translation>不显示进度条和摘要。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also print the time of each step.</source>
        <translation>同时输出每个步骤的耗时。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>unknown statistic &apos;%1&apos;; choose from %2</source>
        <translation>未知的统计量“%1”；可选：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--stats is empty; choose from %1</source>
        <translation>--stats 为空；可选：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--threads must be a whole number from 0 (all cores) to 1024, not &apos;%1&apos;</source>
        <translation>--threads 必须是 0（全部核心）到 1024 之间的整数，而不是“%1”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--memory must be a whole number of megabytes, at least 64, not &apos;%1&apos;</source>
        <translation>--memory 必须是不小于 64 的整数（MB），而不是“%1”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--out %1: the output must end in .csv or .gpkg</source>
        <translation>--out %1：输出文件须以 .csv 或 .gpkg 结尾</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--out %1: the folder %2 does not exist or is not writable</source>
        <translation>--out %1：文件夹 %2 不存在或不可写</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>input file not found: %1</source>
        <translation>找不到输入文件：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--out %1 would overwrite an input file</source>
        <translation>--out %1 会覆盖输入文件</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1: %2 s</source>
        <translation>%1：%2 秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>reading and checking parcels</source>
        <translation>读取并检查地块</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>zonal statistics</source>
        <translation>分区统计</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>writing the table</source>
        <translation>写出结果表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 parcels × %2 raster band(s) in %3 s with %4 thread(s); %5 repaired, %6 skipped</source>
        <translation>%1 个地块 × %2 个栅格波段，用时 %3 秒，%4 个线程；修复 %5 个，跳过 %6 个</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>wrote %1</source>
        <translation>已写出 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cancelled; %1 was not written or changed</source>
        <translation>已取消；%1 未写出，也未被修改</translation>
    </message>
</context>
<context>
    <name>ZonalTable</name>
    <message>
        <location filename="../models/ZonalTable.cpp" line="+57"/>
        <source>Feature id in the parcel layer</source>
        <translation>地块图层中的要素编号</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Parcel id</source>
        <translation>地块编号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ellipsoidal (true) area of the parcel, ha</source>
        <translation>地块的椭球面（真实）面积，公顷</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Planar area in the layer&apos;s projected CRS, ha</source>
        <translation>图层投影坐标系下的平面面积，公顷</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 when the input geometry was invalid and was repaired</source>
        <translation>输入几何无效并已修复时为 1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Coverage-weighted count of valid cells</source>
        <translation>按覆盖比例加权的有效像元数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Coverage-weighted sum of cell values (value × cells)</source>
        <translation>按覆盖比例加权的像元值之和（值 × 像元数）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Coverage-weighted mean value</source>
        <translation>按覆盖比例加权的平均值</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Smallest value of a covered valid cell</source>
        <translation>被覆盖的有效像元的最小值</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Largest value of a covered valid cell</source>
        <translation>被覆盖的有效像元的最大值</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Coverage-weighted population standard deviation</source>
        <translation>按覆盖比例加权的总体标准差</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Value covering the largest area</source>
        <translation>覆盖面积最大的值（众数）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Value covering the smallest area</source>
        <translation>覆盖面积最小的值（少数）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Number of distinct values</source>
        <translation>不同取值的个数</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Share of the valid covered area in class %1 (0–1)</source>
        <translation>类别 %1 占有效覆盖面积的比例（0–1）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>True area of class %1, ha</source>
        <translation>类别 %1 的真实面积，公顷</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>True area of covered nodata cells, ha</source>
        <translation>被覆盖的无数据像元的真实面积，公顷</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Part of the parcel outside the raster, ha</source>
        <translation>地块位于栅格范围之外的面积，公顷</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+34"/>
        <source>Tanhui: desktop GIS for carbon sinks and ecosystem product value.</source>
        <translation>碳汇：面向碳汇与生态产品价值核算的桌面 GIS。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Raster or vector files to open.</source>
        <translation>要打开的栅格或矢量文件。</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::FeatureTableModel</name>
    <message>
        <location filename="../app/gui/FeatureTableModel.cpp" line="+90"/>
        <source>FID</source>
        <translation>FID</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::MainWindow</name>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="+70"/>
        <source>GDAL %1</source>
        <translation>GDAL %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;Raster…</source>
        <translation>添加栅格(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load a raster dataset (GeoTIFF, NetCDF, ERDAS IMAGINE, …)</source>
        <translation>加载栅格数据集（GeoTIFF、NetCDF、ERDAS IMAGINE 等）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;Vector Layer…</source>
        <translation>添加矢量图层(&amp;V)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load a vector layer (Shapefile, GeoPackage, GeoJSON, KML, …)</source>
        <translation>加载矢量图层（Shapefile、GeoPackage、GeoJSON、KML 等）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;move Layer</source>
        <translation>移除图层(&amp;M)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Tanhui</source>
        <translation>关于碳汇(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tanhui</source>
        <translation>碳汇</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+95"/>
        <source>Unexpected error while loading %1</source>
        <translation>加载 %1 时发生意外错误</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Loaded %1</source>
        <translation>已加载 %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Add Raster</source>
        <translation>添加栅格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Raster datasets (*.tif *.tiff *.img *.nc *.vrt *.asc *.jp2 *.hdf *.h5 *.grd *.bil *.dem);;All files (*)</source>
        <translation>栅格数据集 (*.tif *.tiff *.img *.nc *.vrt *.asc *.jp2 *.hdf *.h5 *.grd *.bil *.dem);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add Vector Layer</source>
        <translation>添加矢量图层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vector data (*.shp *.gpkg *.geojson *.json *.kml *.kmz *.gml *.sqlite *.tab *.mif *.csv);;All files (*)</source>
        <translation>矢量数据 (*.shp *.gpkg *.geojson *.json *.kml *.kmz *.gml *.sqlite *.tab *.mif *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Automatic (.cpg file or detection)</source>
        <translation>自动（按 .cpg 文件或自动检测）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attribute Encoding</source>
        <translation>属性编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text encoding of the shapefile&apos;s attributes:</source>
        <translation>Shapefile 属性文本的编码：</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Choose Layer</source>
        <translation>选择图层</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 contains %n layers. Layer to add:</source>
        <translation>
            <numerusform>%1 包含 %n 个图层。要添加的图层：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>About Tanhui</source>
        <translation>关于碳汇</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Desktop GIS for forest carbon sinks and gross ecosystem product (GEP) valuation.</source>
        <translation>面向森林碳汇与生态系统生产总值（GEP）核算的桌面 GIS。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Built with Qt %1 (running on Qt %2) and GDAL %3.</source>
        <translation>基于 Qt %1（运行于 Qt %2）和 GDAL %3 构建。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Licensed under the GNU General Public License, version 3 or later.</source>
        <translation>以 GNU 通用公共许可证第 3 版或更高版本授权。</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::MetadataPanel</name>
    <message>
        <location filename="../app/gui/MetadataPanel.cpp" line="+75"/>
        <source>No layer selected</source>
        <translation>未选择图层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a raster or a vector layer with the File menu, or drop files onto this window.</source>
        <translation>请通过“文件”菜单添加栅格或矢量图层，或将文件拖放到本窗口。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Features (first %1 of %2)</source>
        <translation>要素（前 %1 个，共 %2 个）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Features (%1)</source>
        <translation>要素（%1 个）</translation>
    </message>
</context>
</TS>
