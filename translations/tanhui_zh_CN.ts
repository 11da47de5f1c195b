<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Analysis</name>
    <message>
        <location filename="../models/analysis/AnalysisSpec.cpp" line="+102"/>
        <source>%1 must be a whole number from %2 to %3, not %4</source>
        <translation>%1 必须是 %2 到 %3 之间的整数，而不是 %4</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is %2 %3, outside the valid range %4 to %5 %3</source>
        <translation>%1 为 %2 %3，超出有效范围 %4 到 %5 %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is %2 %3, outside the usual range %4 to %5 %3: accepted, but check it for a unit or sign mistake</source>
        <translation>%1 为 %2 %3，超出常见范围 %4 到 %5 %3：已接受，但请检查单位或正负号是否有误</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: the project has no layer &apos;%2&apos; (layers that fit: %3)</source>
        <translation>%1：项目中没有图层“%2”（可用的图层：%3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: layer &apos;%2&apos; is a %3 layer; a %4 layer is needed</source>
        <translation>%1：图层“%2”是 %3 图层，此处需要 %4 图层</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: layer &apos;%2&apos; has the role &apos;%3&apos;; accepted roles: %4</source>
        <translation>%1：图层“%2”的角色是“%3”；可接受的角色：%4</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: raster layer &apos;%2&apos; has no coordinate reference system; assign one (e.g. with gdal_edit.py -a_srs) so that it can be placed on the parcels</source>
        <translation>%1：栅格图层“%2”没有坐标参考系；请为其指定坐标系（例如用 gdal_edit.py -a_srs），以便与地块叠加</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1: the project has no plan &apos;%2&apos; (plans: %3)</source>
        <translation>%1：项目中没有规划“%2”（现有规划：%3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none; add one with File ▸ Restoration Plans…</source>
        <translation>无；请通过 文件 ▸ 修复规划… 添加</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1: layer &apos;%2&apos; has no field &apos;%3&apos; (fields: %4)</source>
        <translation>%1：图层“%2”没有字段“%3”（现有字段：%4）</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>%1 is required</source>
        <translation>必须填写%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is required when --%2 is given</source>
        <translation>给出 --%2 时必须填写%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+239"/>
        <source>%1 must be a number in %2, not &apos;%3&apos;</source>
        <translation>%1 必须是以 %2 为单位的数值，而不是“%3”</translation>
    </message>
    <message>
        <location line="-224"/>
        <source>%1 must be true or false, not &apos;%2&apos;</source>
        <translation>%1 必须是 true 或 false，而不是“%2”</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+21"/>
        <source>%1: unknown value &apos;%2&apos; (known: %3)</source>
        <translation>%1：未知取值“%2”（可选：%3）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1: %2 does not exist</source>
        <translation>%1：%2 不存在</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: the folder %2 cannot be created or is not writable</source>
        <translation>%1：无法创建文件夹 %2，或该文件夹不可写</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>unit: %1</source>
        <translation>单位：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>range: %1 to %2</source>
        <translation>范围：%1 到 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>project: %1</source>
        <translation>项目：%1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 must be a number, not &apos;%2&apos;</source>
        <translation>%1 必须是数值，而不是“%2”</translation>
    </message>
    <message>
        <location filename="../models/analysis/DeclarationsCarbon.cpp" line="+324"/>
        <source>Carbon of the project&apos;s parcels</source>
        <translation>项目地块碳储量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carbon of every parcel of the project, each with the method assigned to its ecosystem type in the project&apos;s carbon section (docs/carbon-project.md): stocks per date, changes, totals by ecosystem type, method and grouping, and with uncertainty Monte Carlo bounds.</source>
        <translation>项目中每个地块的碳储量，各按项目 carbon 部分为其生态系统类型指定的方法计算（docs/carbon-project.md）：各日期的储量、变化量，按生态系统类型、方法和分组的汇总；启用不确定性时给出蒙特卡洛置信区间。</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Output folder (created if missing; default: carbon next to the project).</source>
        <translation>输出文件夹（不存在时自动创建；默认：项目文件旁的 carbon 文件夹）。</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Worker threads</source>
        <translation>工作线程数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Worker threads (0: all cores); the results do not depend on it.</source>
        <translation>工作线程数（0：使用全部核心）；结果与线程数无关。</translation>
    </message>
    <message>
        <location line="-218"/>
        <source>Uncertainty</source>
        <translation>不确定性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uncertainty: Monte Carlo (IPCC Approach 2, 2.5/50/97.5 percentiles) and Approach 1 per parcel and in total.</source>
        <translation>不确定性：逐地块及总量的蒙特卡洛模拟（IPCC 方法 2，2.5/50/97.5 百分位数）与方法 1。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Monte Carlo iterations</source>
        <translation>蒙特卡洛迭代次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monte Carlo iterations.</source>
        <translation>蒙特卡洛迭代次数。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Monte Carlo seed</source>
        <translation>蒙特卡洛随机种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monte Carlo seed; the same seed gives the same numbers for any thread count.</source>
        <translation>蒙特卡洛随机种子；相同的种子在任意线程数下给出相同的结果。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Default uncertainty</source>
        <translation>默认不确定性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>U (95 % half-width) for table values without uncertainty columns whose kind has no default of its own, e.g. 90 for the IPCC &apos;±90 %&apos; Tier 1 convention.</source>
        <translation>不确定性 U（95 % 半宽），用于表中没有不确定性列、且其类别没有自身默认值的参数，例如按 IPCC Tier 1“±90 %”惯例取 90。</translation>
    </message>
    <message>
        <location line="+239"/>
        <source>One carbon method on a parcel layer</source>
        <translation>对一个地块图层运行单一碳计算方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One carbon method for every parcel of one layer (pools, volume, gain-loss, soil, blue carbon or NDVI regression), through the same run as the project&apos;s carbon: stocks per date, changes, totals, and with uncertainty Monte Carlo bounds. The method&apos;s options start from the project&apos;s and apply to every parcel; the parameter tables are the project&apos;s (docs/carbon-project.md).</source>
        <translation>对一个图层的全部地块运行一种碳计算方法（碳库、蓄积量、增减量、土壤、蓝碳或 NDVI 回归），与项目碳核算走同一计算流程：各时点储量、变化量、汇总，启用不确定性时给出蒙特卡洛区间。方法选项以项目设置为初值，适用于全部地块；参数表沿用项目设置（docs/carbon-project.md）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The parcels to compute; their ecosystem type as the project&apos;s carbon section or the layer&apos;s role gives it.</source>
        <translation>要计算的地块；其生态系统类型取自项目碳核算设置或图层角色。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The carbon method (carbon-methods.md).</source>
        <translation>碳计算方法（carbon-methods.md）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pools: land-cover classes × pool densities (§1)</source>
        <translation>pools：土地覆被类别 × 碳库密度（§1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>volume: inventory volume → biomass (§5)</source>
        <translation>volume：清查蓄积量 → 生物量（§5）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>volume_gainloss: inventory volume, grown by its increment (§5, §3.2)</source>
        <translation>volume_gainloss：清查蓄积量按生长量逐年推算（§5、§3.2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>gainloss: growth minus losses (§3.2)</source>
        <translation>gainloss：生长量减损失量（§3.2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>soil: cropland soil organic carbon (§3.3, §3.7)</source>
        <translation>soil：农田土壤有机碳（§3.3、§3.7）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bluecarbon: coastal blue carbon (§2, §4)</source>
        <translation>bluecarbon：滨海蓝碳（§2、§4）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>regression: NDVI → biomass (§6.1)</source>
        <translation>regression：NDVI → 生物量（§6.1）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Output folder (created if missing; default: carbon_&lt;method&gt; next to the project).</source>
        <translation>输出文件夹（不存在时自动创建；默认：项目旁的 carbon_&lt;方法&gt;）。</translation>
    </message>
    <message>
        <location filename="../models/analysis/DeclarationsGep.cpp" line="+102"/>
        <source>Gross ecosystem product (GEP)</source>
        <translation>生态系统生产总值（GEP）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEP per parcel (gep-methods.md): physical quantity, value, price and source of every indicator of the accounting profile; GEP = material + regulating + cultural services. With a scenario project, also the scenario&apos;s GEP minus the baseline&apos;s.</source>
        <translation>逐地块 GEP（gep-methods.md）：核算方案中每项指标的实物量、价值、价格和来源；GEP = 物质产品 + 调节服务 + 文化服务。给出情景项目时，另计算情景 GEP 与基准 GEP 之差。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Output folder.</source>
        <translation>输出文件夹。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accounting profile</source>
        <translation>核算方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounting profile: the indicator set and its variants.</source>
        <translation>核算方案：指标体系及其计算变体。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RCEES / Ouyang (S1 set)</source>
        <translation>生态环境研究中心 / 欧阳志云（S1 指标体系）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NDRC/NBS specification 2022</source>
        <translation>国家发展改革委、国家统计局核算规范（2022）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Price set</source>
        <translation>价格集</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price set; P0_CPI2020 and P0_CPI2024 are P0 adjusted by the shipped CPI table at run time (flagged unconfirmed).</source>
        <translation>价格集；P0_CPI2020 和 P0_CPI2024 为运行时按内置 CPI 表调整后的 P0 价格（标记为未确认）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Price year</source>
        <translation>价格基准年</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adjust every price to this year with the price index; outputs give the value at this year&apos;s prices and at the base-year prices.</source>
        <translation>用价格指数将所有价格调整到该年份；输出同时给出按该年价格和按基期价格计算的价值。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Price index table</source>
        <translation>价格指数表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price index table for the price year (year; cpi, construction, market as levels or *_yoy with previous year = 100; source, tag). Default: the shipped NBS CPI table (unconfirmed).</source>
        <translation>用于价格基准年的价格指数表（year；cpi、construction、market 为价格水平，或 *_yoy 为上年 = 100 的环比指数；source、tag）。默认：内置的国家统计局 CPI 表（未确认）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fallback index series</source>
        <translation>备用指数序列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Index series for prices whose series the index table lacks; such prices are flagged unconfirmed. Without it a missing series is an error.</source>
        <translation>指数表中缺少相应序列的价格所使用的指数序列；这些价格将标记为未确认。不指定时，缺少序列即为错误。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>consumer prices</source>
        <translation>居民消费价格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>construction costs</source>
        <translation>建筑工程造价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>market prices</source>
        <translation>市场价格</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Water-surface climate regulation</source>
        <translation>水面气候调节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>s1: S1&apos;s form, cooling not divided by the COP; cop: cooling divided by the COP (later specifications). Default: the profile&apos;s.</source>
        <translation>s1：S1 的公式，降温量不除以能效比；cop：降温量除以能效比（后续规范）。默认：取核算方案的设定。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S1 (cooling not ÷ COP)</source>
        <translation>S1（降温量不除以能效比）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cooling ÷ COP</source>
        <translation>降温量 ÷ 能效比</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Days with air conditioning</source>
        <translation>空调使用天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days with air conditioning D (no default; climate regulation is skipped without it).</source>
        <translation>空调使用天数 D（无默认值；未给出时跳过气候调节）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>RUSLE slope length</source>
        <translation>RUSLE 坡长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uniform slope length λ for the RUSLE L factor (22.13 m gives L = 1; at most 122 m are used, InVEST&apos;s L_max).</source>
        <translation>RUSLE 坡长因子 L 使用的统一坡长 λ（22.13 m 时 L = 1；最多取 122 m，即 InVEST 的 L_max）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sea-wall cost</source>
        <translation>海堤造价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sea-wall construction cost (no verified default).</source>
        <translation>海堤建设造价（无经核实的默认值）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sea-wall design life</source>
        <translation>海堤设计使用年限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sea-wall design life.</source>
        <translation>海堤设计使用年限。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Parcel layers</source>
        <translation>地块图层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parcel layers to value (comma-separated ids; default: all).</source>
        <translation>参与核算的地块图层（以逗号分隔的图层 ID；默认：全部）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Carbon results</source>
        <translation>碳核算结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output folder of the carbon project run (its resultset.json; default: carbon/ next to the project file, when it exists); its parcels table is joined by layer and source_fid. &apos;none&apos; ignores it.</source>
        <translation>项目碳核算的输出文件夹（其中的 resultset.json；默认：项目文件旁的 carbon/ 文件夹，如存在）；其地块表按图层和 source_fid 连接。填写“none”则忽略。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Carbon table of a layer</source>
        <translation>图层碳核算表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LAYER=parcels.csv written by tanhui-cli carbon --parcels (repeatable); for layers the carbon results lack.</source>
        <translation>图层=由 tanhui-cli carbon --parcels 写出的 parcels.csv（可重复）；用于碳核算结果中缺少的图层。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>User prices</source>
        <translation>用户价格表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User price CSV over the price set (key, value, unit, basis, price_year, source; every row needs a source).</source>
        <translation>覆盖价格集的用户价格 CSV（key、value、unit、basis、price_year、source；每行都须注明来源）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ecosystem coefficients</source>
        <translation>生态系统参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ecosystem coefficients CSV whose rows replace the default rows with the same lucode (e.g. water-purification capacities, which have no default).</source>
        <translation>生态系统参数 CSV，其各行替换 lucode 相同的默认行（例如没有默认值的水质净化能力）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Per-parcel attributes</source>
        <translation>地块属性表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per-parcel attributes CSV: parcel (&lt;layer&gt;:&lt;id&gt;), visits, spend_per_visit_cny, shoreline_m, reservoir_capacity_m3, source.</source>
        <translation>逐地块属性 CSV：parcel（&lt;图层&gt;:&lt;ID&gt;）、visits、spend_per_visit_cny、shoreline_m、reservoir_capacity_m3、source。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Material products</source>
        <translation>物质产品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Material products CSV: product, lucode, yield_t_per_ha, price_key (a key of the price table, per t), source.</source>
        <translation>物质产品 CSV：product、lucode、yield_t_per_ha、price_key（价格表中按吨计价的键）、source。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scenario project</source>
        <translation>情景项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A scenario project (e.g. a restoration plan): its GEP minus the baseline&apos;s, per parcel and in total.</source>
        <translation>情景项目（例如修复规划）：逐地块及总计给出其 GEP 与基准 GEP 之差。</translation>
    </message>
    <message>
        <location filename="../models/analysis/DeclarationsPlan.cpp" line="+64"/>
        <source>Restoration plan against the baseline</source>
        <translation>修复规划与基线对比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A restoration plan of the project: its parcels take the target ecosystem type from the start year on and are compared with the baseline at the plan&apos;s horizon year, per parcel and pool with 95 % bounds (docs/carbon-project.md &quot;Restoration plans&quot;); with GEP, the plan&apos;s GEP against the baseline&apos;s per parcel and service.</source>
        <translation>项目的修复规划：规划地块自起始年起变为目标生态系统类型，在规划期末年份与基线对比，按地块和碳库给出差值及 95% 区间（docs/carbon-project.md“修复规划”）；选择 GEP 时，另按地块和服务给出规划与基线 GEP 的差值。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of a plan of the project&apos;s &quot;plans&quot; section.</source>
        <translation>项目“plans”部分中某个规划的名称。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../models/analysis/DeclarationsZonal.cpp" line="+163"/>
        <source>Output folder (created if missing).</source>
        <translation>输出文件夹（不存在时自动创建）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Baseline carbon results</source>
        <translation>基线碳计算结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output folder of the baseline&apos;s carbon project run (default: carbon/ next to the project file, when it exists): the baseline type and stocks, and the carbon flux GEP values. &apos;none&apos; ignores it.</source>
        <translation>基线碳项目计算的输出文件夹（默认：项目文件旁的 carbon/，若存在）：提供基线类型、储量以及 GEP 所用的碳通量。填“none”则不使用。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Value GEP too</source>
        <translation>同时核算 GEP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also value the plan&apos;s GEP against the baseline&apos;s with the project&apos;s GEP account (needs the baseline carbon results).</source>
        <translation>同时用项目的 GEP 核算设置计算规划相对基线的 GEP（需要基线碳计算结果）。</translation>
    </message>
    <message>
        <location filename="../models/ZonalTable.cpp" line="+294"/>
        <source>count of valid cells (coverage-weighted)</source>
        <translation>有效像元数（按覆盖比例加权）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sum</source>
        <translation>总和</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mean</source>
        <translation>平均值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>standard deviation</source>
        <translation>标准差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>majority class</source>
        <translation>众数类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minority class</source>
        <translation>最少类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>number of classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share of each class</source>
        <translation>各类别占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>area of each class (ha)</source>
        <translation>各类别面积（公顷）</translation>
    </message>
    <message>
        <location filename="../models/analysis/DeclarationsZonal.cpp" line="-131"/>
        <source>choose a parcel layer of the project</source>
        <translation>请选择项目中的地块图层</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Zonal statistics</source>
        <translation>分区统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact per-parcel statistics of raster bands: each parcel&apos;s share of every cell is computed once per grid and reused for every band; nodata cells are left out and reported as area; areas are ellipsoidal (docs/zonal-statistics.md). The same numbers as tanhui-cli zonal.</source>
        <translation>按地块精确统计栅格波段：每个地块对每个像元的覆盖比例在每个格网上只计算一次，并用于所有波段；无数据像元不参与统计并以面积报告；面积为椭球面积（docs/zonal-statistics.md）。结果与 tanhui-cli zonal 相同。</translation>
    </message>
    <message>
        <location filename="../models/analysis/DeclarationsCarbon.cpp" line="-38"/>
        <location filename="../models/analysis/DeclarationsZonal.cpp" line="+10"/>
        <source>Parcel layer</source>
        <translation>地块图层</translation>
    </message>
    <message>
        <location filename="../models/analysis/DeclarationsZonal.cpp" line="+2"/>
        <source>The polygons to summarise (their id field names the rows).</source>
        <translation>要统计的多边形（以其编号字段标识各行）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rasters</source>
        <translation>栅格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The raster layers to summarise; every band of each is used (columns &lt;layer id&gt;_&lt;statistic&gt;).</source>
        <translation>要统计的栅格图层；使用每个图层的全部波段（列名为 &lt;图层编号&gt;_&lt;统计量&gt;）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Statistics</source>
        <translation>统计量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The statistics per parcel and band.</source>
        <translation>每个地块、每个波段的统计量。</translation>
    </message>
    <message>
        <location filename="../models/carbon/CarbonProject.cpp" line="+558"/>
        <source>BEF form</source>
        <translation>BEF 形式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biomass expansion: constant (the species&apos; BEF and wood density) or continuous (biomass as a function of the stand volume, B = a + b·V).</source>
        <translation>生物量扩展方式：constant（树种的 BEF 与木材密度）或 continuous（生物量随林分蓄积变化，B = a + b·V）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>constant: the BEF and wood density of the species</source>
        <translation>constant：树种的 BEF 与木材密度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>continuous: biomass from the stand volume (B = a + b·V)</source>
        <translation>continuous：由林分蓄积计算生物量（B = a + b·V）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Disturbance fraction fd</source>
        <translation>干扰损失比例 fd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the biomass lost where forest is cleared or converted (1: all of it, the Tier 1 rule).</source>
        <translation>森林皆伐或转为其他用地时损失的生物量比例（1：全部损失，即方法 1 的规则）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Forest classes</source>
        <translation>森林类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Land-cover codes that are forest, with their growth type, as CODE=TYPE pairs separated by commas (e.g. 11=natural_secondary_old,12=plantation); empty: the sample&apos;s classes 11, 12 and 13.</source>
        <translation>属于森林的土地覆被代码及其生长类型，写作以逗号分隔的“代码=类型”对（如 11=natural_secondary_old,12=plantation）；留空：示例数据的 11、12、13 类。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Growth</source>
        <translation>生长量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mai: the stand&apos;s mean annual increment (else its group&apos;s median, else the growth table); reference: the growth table only.</source>
        <translation>mai：林分的年均生长量（缺失时用同组中位数，再缺失时用生长量表）；reference：仅用生长量表。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>mai: the stand&apos;s mean annual increment</source>
        <translation>mai：林分年均生长量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reference: the growth table</source>
        <translation>reference：生长量表</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Volume ceiling</source>
        <translation>蓄积上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inventory: growth stops at the largest volume of the stand&apos;s group and origin in the layer (else the Tier 1 ceiling); none: no ceiling.</source>
        <translation>inventory：生长至图层中同树种组、同起源的最大蓄积为止（缺失时用方法 1 上限）；none：不设上限。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>inventory: the largest volume in the layer</source>
        <translation>inventory：图层中的最大蓄积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none: no ceiling</source>
        <translation>none：不设上限</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Climate zone</source>
        <translation>气候区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IPCC climate zone of the soc_ref table&apos;s rows.</source>
        <translation>soc_ref 表中各行所用的 IPCC 气候区。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Soil class</source>
        <translation>土壤类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IPCC soil class of the soc_ref table&apos;s rows (lac: low-activity clay).</source>
        <translation>soc_ref 表中各行所用的 IPCC 土壤类型（lac：低活性黏土）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Before the practice change</source>
        <translation>管理方式变化前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The input level a plot had before its practice change: low, medium or native.</source>
        <translation>地块在管理方式变化前的投入水平：low（低投入）、medium（中等投入）或 native（原生植被）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>low: low input</source>
        <translation>low：低投入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>medium: medium input</source>
        <translation>medium：中等投入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>native: native vegetation</source>
        <translation>native：原生植被</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Route</source>
        <translation>计算路线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cbc: Coastal Blue Carbon over the land cover of the carbon years; tier1: Wetlands Supplement restoration from the planting year; auto: tier1 on a layer that maps planting_year, else cbc.</source>
        <translation>cbc：按各碳核算年份的土地覆被运行滨海蓝碳模型；tier1：自种植年起按《湿地增补指南》的恢复规则计算；auto：图层映射了 planting_year 时用 tier1，否则用 cbc。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>auto: by the layer&apos;s fields</source>
        <translation>auto：按图层字段自动选择</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cbc: Coastal Blue Carbon</source>
        <translation>cbc：滨海蓝碳模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tier1: Wetlands Supplement restoration</source>
        <translation>tier1：《湿地增补指南》恢复规则</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>InVEST-compatible</source>
        <translation>与 InVEST 一致</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cbc route: reproduce InVEST Coastal Blue Carbon&apos;s accounting (yes) or Tanhui&apos;s (no).</source>
        <translation>cbc 路线：按 InVEST 滨海蓝碳的核算方式（yes）或碳汇自身的方式（no）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+23"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+21"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Mangrove climate</source>
        <translation>红树林气候带</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tier1 route: the Wetlands Supplement climate row (tropical wet, tropical dry or subtropical).</source>
        <translation>tier1 路线：《湿地增补指南》中的气候带（热带湿润、热带干旱或亚热带）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>trop_wet: tropical wet</source>
        <translation>trop_wet：热带湿润</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trop_dry: tropical dry</source>
        <translation>trop_dry：热带干旱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subtrop: subtropical</source>
        <translation>subtrop：亚热带</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Planted</source>
        <translation>人工种植</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tier1 route: the mangroves were planted (yes) or regrew naturally (no).</source>
        <translation>tier1 路线：红树林为人工种植（yes）或自然恢复（no）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Root-ratio hysteresis</source>
        <translation>根冠比滞后区间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Half-width of the band around 125 t d.m./ha inside which a stratum keeps its root-to-shoot class.</source>
        <translation>以 125 t d.m./ha 为中心的区间半宽；层内生物量处于该区间时保持原根冠比类别。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cloud gaps</source>
        <translation>云缺失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none: cloud gaps stay blank; linear: interpolated between the nearest valid years.</source>
        <translation>none：云缺失处留空；linear：在最近的有效年份之间线性插值。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none: gaps stay blank</source>
        <translation>none：缺失留空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>linear: interpolated between valid years</source>
        <translation>linear：在有效年份间插值</translation>
    </message>
</context>
<context>
    <name>BlueCarbon</name>
    <message>
        <location filename="../models/carbon/BlueCarbon.cpp" line="+315"/>
        <source>the transitions table is empty: a header row lulc-class,&lt;class&gt;,… is expected</source>
        <translation>转移表为空：应有表头行 lulc-class,&lt;类别&gt;,…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the column &apos;%1&apos; names no class of the biophysical table (lulc-class or lucode)</source>
        <translation>列“%1”不是生物物理参数表中的类别（lulc-class 或 lucode）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the first column must be &apos;lulc-class&apos; (the from-class of each row)</source>
        <translation>第一列必须是“lulc-class”（每行的转出类别）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a default table needs the columns &apos;source&apos; and &apos;tag&apos;</source>
        <translation>默认参数表必须包含“source”和“tag”列</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the transitions table has a header but no rows; add one row per from-class (lulc-class)</source>
        <translation>转移矩阵表只有表头、没有数据行；请为每个转出类别（lulc-class）添加一行</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the row &apos;%1&apos; names no class of the biophysical table (remove legend or note rows; classes are named by lulc-class or lucode)</source>
        <translation>行“%1”不是生物物理参数表中的类别（请删除图例或注释行；类别用 lulc-class 或 lucode 命名）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the class &apos;%1&apos; has a second row</source>
        <translation>类别“%1”出现了第二行</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unknown tag &apos;%1&apos; (verified, secondary, unconfirmed or example)</source>
        <translation>未知标签“%1”（应为 verified、secondary、unconfirmed 或 example）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the source is empty</source>
        <translation>来源为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, row %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&apos;%1&apos; → &apos;%2&apos;: &apos;%3&apos; is not a transition; use accum, NCC, low-impact-disturb, med-impact-disturb, high-impact-disturb or leave the cell blank</source>
        <translation>“%1”→“%2”：“%3”不是有效的转移类型；请使用 accum、NCC、low-impact-disturb、med-impact-disturb、high-impact-disturb 或留空</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&apos;%1&apos; → &apos;%1&apos; is %2: a habitat that stays itself stops accumulating after the first transition (InVEST #671); use accum unless that is intended</source>
        <translation>“%1”→“%1”为 %2：保持不变的生境在第一次转移后将停止累积（InVEST #671）；除非有意如此，请使用 accum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>blank</source>
        <translation>空白</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>the price table must give a price for every year from %1 to %2; missing: %3</source>
        <translation>价格表必须给出 %1 至 %2 年每一年的价格；缺少：%3</translation>
    </message>
    <message>
        <location line="+203"/>
        <source>blue carbon needs at least two dated land-cover snapshots (baseline and one transition; InVEST #1534), %1 given</source>
        <translation>蓝碳计算至少需要两期带年份的土地覆被快照（基准期和一次转移；InVEST #1534），当前给出 %1 期</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the analysis year %1 must be after the last snapshot year %2</source>
        <translation>分析年份 %1 必须晚于最后一期快照年份 %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a land-cover raster must have exactly one band, this one has %1</source>
        <translation>土地覆被栅格必须只有一个波段，该栅格有 %1 个</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a land-cover raster must hold whole-number class codes; its data type is %1</source>
        <translation>土地覆被栅格必须存储整数类别代码；其数据类型为 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the raster has no usable coordinate reference system%1, so its cell areas are unknown; assign the right one (e.g. gdal_edit.py -a_srs EPSG:4547 %2)</source>
        <translation>该栅格没有可用的坐标参考系%1，无法确定像元面积；请为其指定正确的坐标参考系（例如 gdal_edit.py -a_srs EPSG:4547 %2）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the raster&apos;s CRS has no linear unit; cell areas cannot be computed</source>
        <translation>该栅格的坐标系没有线性单位，无法计算像元面积</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the raster is not on the same grid as %1 (the snapshots must have the same pixel size and extent; align them first, §8 row 11): %2 vs %3</source>
        <translation>该栅格与 %1 不在同一格网上（各期快照的像元大小和范围必须相同；请先对齐，§8 第 11 行）：%2 与 %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the raster&apos;s CRS differs from that of %1</source>
        <translation>该栅格的坐标系与 %1 不同</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 land-cover code(s) present in %2 but missing from the biophysical table: %3 (a code 0 is often an undeclared nodata value)</source>
        <translation>%2 中有 %1 个土地覆被代码在生物物理参数表中缺失：%3（代码 0 通常是未声明的无数据值）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the snapshots contain transitions missing from the transitions table: %1</source>
        <translation>快照中出现了转移表中没有的转移：%1</translation>
    </message>
    <message>
        <location line="+373"/>
        <source>the layer has no field &apos;%1&apos;; its fields are: %2</source>
        <translation>图层没有字段“%1”；其字段为：%2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>plot %1: the planting year &apos;%2&apos; is not a year (a whole number from 1900 to 2200)</source>
        <translation>样地 %1：种植年份“%2”不是有效年份（1900 至 2200 之间的整数）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>plot %1 is planted in %2, not before the final year %3: it gains nothing in this report</source>
        <translation>样地 %1 于 %2 年种植，不早于最终年份 %3：本报告中没有增汇</translation>
    </message>
</context>
<context>
    <name>BlueCarbonCommand</name>
    <message>
        <location filename="../app/cli/BlueCarbonCommand.cpp" line="+38"/>
        <source>Blue carbon of mangroves and coastal wetlands (carbon-methods.md §2, §4; docs/blue-carbon.md).

Coastal Blue Carbon engine: from dated land-cover snapshots (--lulc FILE@YEAR, two or more, same
grid) each cell is followed year by year from the first snapshot to --analysis-year. At each later
snapshot the transitions table (from-class row × to-class column: accum, NCC,
low-/med-/high-impact-disturb or blank) decides what happens: accum = the destination class&apos;s yearly
accumulation per pool (biomass, soil, litter; t C/ha/yr, up to its optional ceiling); a disturbance
moves a share of the biomass and soil stock (ratio of the source class) into a cohort that is
emitted with the source class&apos;s half-life, E = D × (0.5^((t−s)/H) − 0.5^((t−s+1)/H)); half-life 0 =
no emissions. By default (the User&apos;s Guide) every cohort decays until fully emitted, litter is a
running stock, and NPV = Σ p_t × N_t / (1 + d)^(t − t0). --invest-compatible reproduces InVEST&apos;s
coded behaviour instead (see the option).

Restoration (--restoration-plots): IPCC 2013 Wetlands Supplement Tier 1 per plot from its planting
year: biomass G × (1 + R) × CF per year up to the Tier 1 stock AGB × (1 + R) × CF, plus the soil
removal −EF_RE per year for planted or seeded plots (subtropical: 16.0 t C/ha/yr up to 66.3 t C/ha;
1.62 t C/ha/yr).

Outputs in --out DIR (t C = tonnes of carbon; t CO2e = t C × 44/12; report years = the snapshot
years and the analysis year; stocks at the start of a year; periods between report years):
  totals_bluecarbon.csv  quantity,value,unit: stock_&lt;pool&gt;_&lt;year&gt; and stock_total_&lt;year&gt; (t C),
      net_sequestration_&lt;y1&gt;_&lt;y2&gt; (t C, positive = gain) and _co2e_ (t CO2e), emissions_&lt;y1&gt;_&lt;y2&gt;
      (t C emitted by disturbances), npv_&lt;year&gt; (currency), valid_area_ha, nodata_area_ha (cells
      nodata at any snapshot, excluded), partial_nodata_area_ha, invest_compatible, flagged_classes,
      restoration_* (t C, t CO2e, ha) with --restoration-plots.
  parcels_bluecarbon.csv/.gpkg (with --parcels): fid, id, area_ha, valid_area_ha, nodata_share (0–1),
      &lt;pool&gt;_t_&lt;year&gt; and total_t_&lt;year&gt; (t C), total_t_per_ha_&lt;year&gt; (t C/ha over the valid area),
      net_seq_t_&lt;y1&gt;_&lt;y2&gt; (t C), net_seq_co2e_t_&lt;y1&gt;_&lt;y2&gt; (t CO2e), emissions_t_&lt;y1&gt;_&lt;y2&gt; (t C),
      npv_&lt;year&gt; (currency), flagged_classes (code:tag of flagged parameter rows), geometry_repaired.
  restoration_plots.csv/.gpkg (with --restoration-plots): fid, id, planting_year, area_ha,
      biomass_t_per_ha_&lt;year&gt;, soil_t_per_ha_&lt;year&gt; (t C/ha gained since planting), stock_t_&lt;year&gt;
      (t C), net_seq_t_&lt;y1&gt;_&lt;y2&gt; (t C), net_seq_co2e_t_&lt;y1&gt;_&lt;y2&gt; (t CO2e), since_planting_t (t C),
      since_planting_co2e_t (t CO2e), planted, flagged_parameters.
  parameters_used.csv  table,key,parameter,value,unit,tag,source of every row and option used.
  cbc_stock_&lt;year&gt;.tif  stock density, t C/ha (bands biomass, soil, litter, total; NaN = nodata).
  cbc_period_&lt;y1&gt;_&lt;y2&gt;.tif  net_sequestration and emissions (t C/ha), npv (currency/ha).
Values tagged unconfirmed, secondary or example are listed as warnings and flagged per parcel.

Example:
  tanhui-cli carbon --method bluecarbon --lulc lc2015.tif@2015 --lulc lc2024.tif@2024 \
      --analysis-year 2030 --restoration-plots mangrove_restoration.gpkg \
      --planting-year-field 种植年份 --plot-id plot_id --parcels wetland_units.gpkg --id 单元编码 --out blue_out</source>
        <translation>红树林与滨海湿地蓝碳（carbon-methods.md §2、§4；docs/blue-carbon.md）。

滨海蓝碳（CBC）引擎：根据带年份的土地覆被快照（--lulc FILE@YEAR，两期或以上，同一格网），
从第一期快照到 --analysis-year 逐年跟踪每个像元。在之后的每期快照，由转移表（行为转出类别 ×
列为转入类别：accum、NCC、low-/med-/high-impact-disturb 或空白）决定变化：accum = 转入类别
各碳库（生物量、土壤、凋落物；t C/ha/yr，不超过其可选上限）的年累积量；扰动将生物量和土壤
碳储量的一部分（转出类别的比例）转为一个排放队列，按转出类别的半衰期排放，
E = D × (0.5^((t−s)/H) − 0.5^((t−s+1)/H))；半衰期 0 = 不排放。默认（按用户指南）每个队列持续
衰减直至全部排放，凋落物为累计库存，NPV = Σ p_t × N_t / (1 + d)^(t − t0)。
--invest-compatible 则复现 InVEST 代码的实际行为（见该选项）。

修复（--restoration-plots）：按 IPCC 2013《湿地增补指南》Tier 1，每块样地自种植年份起：
生物量每年增加 G × (1 + R) × CF，直至 Tier 1 储量 AGB × (1 + R) × CF；人工种植或播种的样地
另加每年 −EF_RE 的土壤清除量（亚热带：16.0 t C/ha/yr，上限 66.3 t C/ha；1.62 t C/ha/yr）。

--out DIR 中的输出（t C = 吨碳；t CO2e = t C × 44/12；报告年份 = 各期快照年份和分析年份；
碳储量为年初值；时段为相邻报告年份之间）：
  totals_bluecarbon.csv  quantity,value,unit：stock_&lt;pool&gt;_&lt;year&gt; 和 stock_total_&lt;year&gt;（t C），
      net_sequestration_&lt;y1&gt;_&lt;y2&gt;（t C，正值 = 增加）及 _co2e_（t CO2e），emissions_&lt;y1&gt;_&lt;y2&gt;
      （扰动排放的 t C），npv_&lt;year&gt;（货币），valid_area_ha，nodata_area_ha（任一快照中为无数据的
      像元，已排除），partial_nodata_area_ha，invest_compatible，flagged_classes，
      给出 --restoration-plots 时还有 restoration_*（t C、t CO2e、ha）。
  parcels_bluecarbon.csv/.gpkg（给出 --parcels 时）：fid、id、area_ha、valid_area_ha、nodata_share（0–1），
      &lt;pool&gt;_t_&lt;year&gt; 和 total_t_&lt;year&gt;（t C），total_t_per_ha_&lt;year&gt;（有效面积上的 t C/ha），
      net_seq_t_&lt;y1&gt;_&lt;y2&gt;（t C），net_seq_co2e_t_&lt;y1&gt;_&lt;y2&gt;（t CO2e），emissions_t_&lt;y1&gt;_&lt;y2&gt;（t C），
      npv_&lt;year&gt;（货币），flagged_classes（被标记参数行的 代码:标签），geometry_repaired。
  restoration_plots.csv/.gpkg（给出 --restoration-plots 时）：fid、id、planting_year、area_ha，
      biomass_t_per_ha_&lt;year&gt;、soil_t_per_ha_&lt;year&gt;（种植以来增加的 t C/ha），stock_t_&lt;year&gt;
      （t C），net_seq_t_&lt;y1&gt;_&lt;y2&gt;（t C），net_seq_co2e_t_&lt;y1&gt;_&lt;y2&gt;（t CO2e），since_planting_t（t C），
      since_planting_co2e_t（t CO2e），planted，flagged_parameters。
  parameters_used.csv  table,key,parameter,value,unit,tag,source：所用的每一参数行和选项。
  cbc_stock_&lt;year&gt;.tif  碳密度，t C/ha（波段 biomass、soil、litter、total；NaN = 无数据）。
  cbc_period_&lt;y1&gt;_&lt;y2&gt;.tif  net_sequestration 和 emissions（t C/ha），npv（货币/ha）。
标签为 unconfirmed、secondary 或 example 的数值会以警告列出，并在每个地块中标记。

示例：
  tanhui-cli carbon --method bluecarbon --lulc lc2015.tif@2015 --lulc lc2024.tif@2024 \
      --analysis-year 2030 --restoration-plots mangrove_restoration.gpkg \
      --planting-year-field 种植年份 --plot-id plot_id --parcels wetland_units.gpkg --id 单元编码 --out blue_out</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>the price table is empty: a header row year,price and one row per year are expected</source>
        <translation>价格表为空：应有表头行 year,price，并且每年一行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the price table has a header but no rows; add one row per year</source>
        <translation>价格表只有表头、没有数据行；请每年添加一行</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the price table needs the columns year and price</source>
        <translation>价格表必须包含 year 和 price 列</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&apos;%1&apos; is not a year</source>
        <translation>“%1”不是年份</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;%1&apos; is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the year %1 appears twice</source>
        <translation>年份 %1 出现了两次</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>bluecarbon (this method).</source>
        <translation>bluecarbon（本方法）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+72"/>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Land-cover snapshot FILE@YEAR (integer classes; two or more, on one grid; the earliest is the baseline).</source>
        <translation>土地覆被快照 FILE@YEAR（整数类别；两期或以上，位于同一格网；最早一期为基准）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FILE@YEAR</source>
        <translation>FILE@YEAR</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Final year of the analysis, after the last snapshot.</source>
        <translation>分析的最终年份，须晚于最后一期快照。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YEAR</source>
        <translation>年份</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Biophysical table CSV (lucode, lulc-class, &lt;pool&gt;-initial in t C/ha, &lt;pool&gt;-half-life in yr, &lt;pool&gt;-low/med/high-impact-disturb ratios 0–1, &lt;pool&gt;-yearly-accumulation in t C/ha/yr, optional biomass-/soil-ceiling in t C/ha). Default: the built-in table for the sample classes.</source>
        <translation>生物物理参数表 CSV（lucode、lulc-class、&lt;碳库&gt;-initial，单位 t C/ha；&lt;碳库&gt;-half-life，单位年；&lt;碳库&gt;-low/med/high-impact-disturb，比例 0–1；&lt;碳库&gt;-yearly-accumulation，单位 t C/ha/yr；可选 biomass-/soil-ceiling，单位 t C/ha）。默认：内置的示例类别参数表。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+6"/>
        <location line="+24"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Transitions table CSV: first column lulc-class (from), one column per to-class; cells accum, NCC, low-impact-disturb, med-impact-disturb, high-impact-disturb or blank. Default: the built-in table.</source>
        <translation>转移表 CSV：第一列为 lulc-class（转出类别），每个转入类别一列；单元格为 accum、NCC、low-impact-disturb、med-impact-disturb、high-impact-disturb 或空白。默认：内置转移表。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reproduce InVEST&apos;s coded behaviour: a later disturbance replaces the earlier one, emissions stop at a snapshot whose preceding class has half-life 0, litter is the accumulation rate (not a running stock) and is left out of net sequestration after the first transition, no ceilings, and NPV = cumulative sequestration × Σ discounted prices.</source>
        <translation>复现 InVEST 代码的实际行为：后一次扰动替换前一次；若某期快照之前的类别半衰期为 0，排放在该快照处停止；凋落物取累积速率（而非累计库存），且在第一次转移后不计入净固碳；不设上限；NPV = 累计固碳量 × Σ 折现价格。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Carbon price in the baseline year, currency per t C (a CO2 price × 44/12).</source>
        <translation>基准年碳价，货币单位/t C（CO2 价格 × 44/12）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>V</source>
        <translation>V</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yearly price increase with --price, % (default 0).</source>
        <translation>配合 --price 使用的年价格涨幅，%（默认 0）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>PCT</source>
        <translation>百分比</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Discount rate, % per year (needed for valuation).</source>
        <translation>贴现率，%/年（估值时必需）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Price table CSV (year, price in currency per t C) covering every year from the first snapshot to the year before the analysis year; undiscounted prices.</source>
        <translation>价格表 CSV（year、price，货币单位/t C），须覆盖从第一期快照到分析年份前一年的每一年；价格为未折现价格。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Parcel polygons to aggregate over (exact cell coverage, true areas).</source>
        <translation>用于汇总的地块多边形（精确像元覆盖，真实面积）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Parcel id field (default: the feature id).</source>
        <translation>地块编号字段（默认：要素编号）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <location line="+5"/>
        <source>FIELD</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Mangrove restoration plots (polygons) for the Wetlands Supplement Tier 1 route.</source>
        <translation>红树林修复样地（多边形），按《湿地增补指南》Tier 1 方法计算。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Field of the restoration plots with the planting year (e.g. 种植年份).</source>
        <translation>修复样地中记录种植年份的字段（如 种植年份）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restoration plot id field (default: the feature id).</source>
        <translation>修复样地编号字段（默认：要素编号）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wetlands Supplement climate row: trop_wet, trop_dry or subtrop (default; Guangzhou).</source>
        <translation>《湿地增补指南》气候类型：trop_wet、trop_dry 或 subtrop（默认；广州）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The plots regenerate naturally (not planted or seeded): no soil removal factor (§4).</source>
        <translation>样地为自然更新（非人工种植或播种）：不计土壤清除因子（§4）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Threads for parcel statistics (0 = all cores).</source>
        <translation>地块统计使用的线程数（0 = 全部核心）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Output folder (created if needed).</source>
        <translation>输出文件夹（不存在时自动创建）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DIR</source>
        <translation>目录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No progress bar or summary.</source>
        <translation>不显示进度条和摘要。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--threads must be a whole number from 0 (all cores) to 1024, not &apos;%1&apos;</source>
        <translation>--threads 必须是 0（全部核心）到 1024 之间的整数，而不是“%1”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--analysis-year must be a year, not &apos;%1&apos;</source>
        <translation>--analysis-year 必须是年份，而不是“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--id needs --parcels</source>
        <translation>--id 需要配合 --parcels 使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--restoration-plots and --planting-year-field go together</source>
        <translation>--restoration-plots 与 --planting-year-field 必须同时给出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give either --price or --price-table, not both</source>
        <translation>--price 与 --price-table 只能给出其一</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>valuation needs --discount (%, e.g. 4)</source>
        <translation>估值需要 --discount（%，例如 4）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--discount and --inflation need --price or --price-table</source>
        <translation>--discount 和 --inflation 需要配合 --price 或 --price-table 使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--inflation applies to --price, not to a price table</source>
        <translation>--inflation 仅适用于 --price，不适用于价格表</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--lulc %1: expected FILE@YEAR, e.g. landcover_2015.tif@2015</source>
        <translation>--lulc %1：应为 FILE@YEAR，例如 landcover_2015.tif@2015</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>input file not found: %1</source>
        <translation>找不到输入文件：%1</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>unknown climate &apos;%1&apos;; use trop_wet, trop_dry or subtrop</source>
        <translation>未知气候类型“%1”；请使用 trop_wet、trop_dry 或 subtrop</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 ha are nodata at some snapshots but not all; those cells are left out of every total (nodata_area_ha)</source>
        <translation>有 %1 ha 在部分（而非全部）快照中为无数据；这些像元不计入任何合计（nodata_area_ha）</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>biophysical table %1, row %2 (%3 %4) is tagged %5: %6</source>
        <translation>生物物理参数表 %1 第 %2 行（%3 %4）的标签为 %5：%6</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Wetlands Supplement table %1, row %2 (%3) is tagged %4: %5</source>
        <translation>湿地增补指南参数表 %1 第 %2 行（%3）的标签为 %4：%5</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>blue carbon %1: stock %2 t C in %3; net sequestration %4–%3: %5 t C (%6 t CO2e) over %7 ha</source>
        <translation>蓝碳 %1：%3 年碳储量 %2 t C；%4–%3 年净固碳 %5 t C（%6 t CO2e），面积 %7 ha</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(InVEST-compatible)</source>
        <translation>（InVEST 兼容）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(User&apos;s Guide)</source>
        <translation>（用户指南）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>done in %1 s; wrote %2</source>
        <translation>用时 %1 秒完成；已写入 %2</translation>
    </message>
</context>
<context>
    <name>CarbonAdapters</name>
    <message>
        <location filename="../models/carbon/CarbonAdapters.cpp" line="+112"/>
        <source>before must be low, medium or native, not &apos;%1&apos;</source>
        <translation>before 必须为 low、medium 或 native，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 must not be empty</source>
        <translation>%1 不能为空</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>%1; the soil method does not compute these plots</source>
        <translation>%1；土壤方法不计算这些地块</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>fd must be a number from %1 to %2, not &apos;%3&apos;</source>
        <translation>fd 必须是 %1 到 %2 之间的数，而不是“%3”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>forest_classes must list CODE=TYPE pairs separated by commas (e.g. 11=natural_secondary_old,12=plantation), not &apos;%1&apos;</source>
        <translation>forest_classes 必须列出以逗号分隔的 CODE=TYPE 对（例如 11=natural_secondary_old,12=plantation），而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>the gain-loss method gives changes (gain − loss), not stocks</source>
        <translation>增减法只给出变化量（增加 − 损失），不给出储量</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>no land-cover data under the parcel on two consecutive dates</source>
        <translation>地块在任何两个相邻日期都没有土地覆盖数据</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>route must be auto, cbc or tier1, not &apos;%1&apos;</source>
        <translation>route 必须为 auto、cbc 或 tier1，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 must be yes or no, not &apos;%2&apos;</source>
        <translation>%1 必须为 yes 或 no，而不是 &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>climate must be trop_wet, trop_dry or subtrop, not &apos;%1&apos;</source>
        <translation>climate 必须为 trop_wet、trop_dry 或 subtrop，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>no land-cover data under the parcel at every snapshot (the CBC engine needs all)</source>
        <translation>地块并非在每个快照年份都有土地覆盖数据（滨海蓝碳模型需要全部快照）</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>the Tier 1 route (route=tier1) needs the field &apos;planting_year&apos; of layer %1: map it in the layer&apos;s &quot;fields&quot;</source>
        <translation>Tier 1 途径（route=tier1）需要图层 %1 的字段 &apos;planting_year&apos;：请在该图层的 &quot;fields&quot; 中映射它</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>the Wetlands Supplement table has no row for climate &apos;%1&apos;</source>
        <translation>湿地增补指南参数表中没有气候 &apos;%1&apos; 的行</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no planting year</source>
        <translation>没有种植年份</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>r_hysteresis must be a number from 0 to 100 t d.m./ha, not &apos;%1&apos;</source>
        <translation>r_hysteresis 必须是 0 到 100 t d.m./ha 之间的数，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>gap_fill must be &apos;none&apos; (cloud gaps stay blank) or &apos;linear&apos; (temporal interpolation between the nearest valid years), not &apos;%1&apos;</source>
        <translation>gap_fill 须为 &apos;none&apos;（云缺失保持空白）或 &apos;linear&apos;（在最近的有效年份之间按时间线性插值），而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../models/carbon/CarbonProject.cpp" line="+98"/>
        <source>the regression method has no default coefficients: name your fitted table in carbon.parameters.regression (tanhui-cli carbon --method regression --write-template makes one)</source>
        <translation>回归法没有默认系数：请在 carbon.parameters.regression 中指定您拟合的系数表（tanhui-cli carbon --method regression --write-template 可生成模板）</translation>
    </message>
    <message>
        <location filename="../models/carbon/CarbonAdapters.cpp" line="+26"/>
        <source>the regression method needs an NDVI layer (role &quot;ndvi&quot;) for one or more carbon years</source>
        <translation>回归法需要至少一个碳年份的 NDVI 图层（角色 &quot;ndvi&quot;）</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>%1: no stock (%2 % of the forest in VI gaps)</source>
        <translation>%1：无储量（%2 % 的森林处于植被指数缺失区）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 % of the forest in VI gaps (stock over the valid forest only)</source>
        <translation>%1：%2 % 的森林处于植被指数缺失区（储量仅按有效森林计算）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 ha of gaps filled by temporal interpolation</source>
        <translation>%1：%2 公顷缺失由时间插值填补</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>no land-cover or NDVI data under the parcel in any year</source>
        <translation>地块在任何年份都没有土地覆盖或 NDVI 数据</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>; no bounds for changes across VI gaps</source>
        <translation>；跨植被指数缺失的变化量不给出置信区间</translation>
    </message>
</context>
<context>
    <name>CarbonCommand</name>
    <message>
        <location filename="../app/cli/CarbonCommand.cpp" line="+279"/>
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
        <location line="+74"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location line="-75"/>
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
        <location line="-201"/>
        <location line="+281"/>
        <source>--threads must be a whole number from 0 (all cores) to 1024, not &apos;%1&apos;</source>
        <translation>--threads 必须是 0（全部核心）到 1024 之间的整数，而不是“%1”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--id needs --parcels</source>
        <translation>--id 需要同时指定 --parcels</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--lulc %1: expected FILE@YEAR, e.g. landcover_2015.tif@2015</source>
        <translation>--lulc %1：应为 FILE@YEAR 格式，如 landcover_2015.tif@2015</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>input file not found: %1</source>
        <translation>找不到输入文件：%1</translation>
    </message>
    <message>
        <location line="-442"/>
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

Uncertainty (--uncertainty, both methods, carbon-methods.md §6.2): IPCC Approach 1 and a seeded Monte
Carlo (--iterations, default 1000; --seed) adding 2.5/50/97.5 percentiles and Approach 1&apos;s U (%) to
the parcel and totals tables, plus uncertainty_parameters.csv and uncertainty_run.csv. Table rows
declare uncertainty in optional columns (&lt;column&gt;_u_pct, _sd, _dist, _min, _max; u_pct, dist);
--default-uncertainty PCT covers the rest (docs/uncertainty.md).

Whole project (--project project.tanhui.json, docs/carbon-project.md): every parcel layer of the
project, each parcel with the methods its &quot;carbon&quot; section assigns to its ecosystem type: pools,
volume, soil (cropland SOC), gainloss (forest growth − loss), bluecarbon (Coastal Blue Carbon, or
Wetlands Supplement Tier 1 on restoration plots with a planting year) and regression (NDVI, your
coefficient table). With several methods per type each parcel gets one row per method; the first
is primary and alone enters the totals by ecosystem type and district. Details:
tanhui-cli carbon --project FILE --help. Other methods: --method soil|gainloss|bluecarbon|regression
--help.

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

不确定性（--uncertainty，两种方法均适用，carbon-methods.md §6.2）：IPCC 方法 1 与带种子的蒙特卡洛模拟
（--iterations，默认 1000；--seed），在地块表和总量表中增加 2.5/50/97.5 百分位数及方法 1 的 U（%），
并输出 uncertainty_parameters.csv 和 uncertainty_run.csv。参数表的行可在可选列中声明不确定性
（&lt;column&gt;_u_pct、_sd、_dist、_min、_max；u_pct、dist）；其余取值由 --default-uncertainty PCT 指定（见 docs/uncertainty.md）。

整个项目（--project project.tanhui.json，docs/carbon-project.md）：计算项目的每个地块图层，每个地块
使用项目 &quot;carbon&quot; 部分为其生态系统类型指定的方法：pools、volume、soil（耕地土壤有机碳）、
gainloss（森林生长 − 损失）、bluecarbon（滨海蓝碳模型，或对有种植年份的修复地块使用湿地增补
指南 Tier 1）和 regression（NDVI，使用您提供的系数表）。一种类型指定多个方法时，每个地块每种方法
一行；第一个方法为主方法，只有它计入按生态系统类型和区县的合计。详见：
tanhui-cli carbon --project FILE --help。其他方法：--method soil|gainloss|bluecarbon|regression
--help。

示例：
  tanhui-cli carbon --method pools --lulc lc2015.tif@2015 --lulc lc2024.tif@2024 \
      --pools my_pools.csv --parcels xiaoban.shp --id XBH --price 220 --discount 8 --out carbon_out</translation>
    </message>
    <message>
        <location line="+306"/>
        <source>Pools method: write no carbon maps (c_density_&lt;year&gt;.tif, c_change_&lt;y1&gt;_&lt;y2&gt;.tif; saves disk and time on large scenes). With --parcels, the per-parcel change comes from the class pairs of the dates, combined in the zonal pass; a compact class-transition raster c_transition_&lt;y1&gt;_&lt;y2&gt;.tif is written for it only when the land-cover rasters are not Byte or the pools table has more than 15 classes.</source>
        <translation>碳库表法：不写出碳图（c_density_&lt;year&gt;.tif、c_change_&lt;y1&gt;_&lt;y2&gt;.tif；大范围场景可节省磁盘和时间）。指定 --parcels 时，各地块的变化量由分区统计过程中组合的两期类别对得到；仅当土地覆被栅格不是 Byte 类型或碳库表超过 15 个类别时，才为此写出紧凑的类别转移栅格 c_transition_&lt;y1&gt;_&lt;y2&gt;.tif。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pools method: per-parcel table formats, comma-separated: csv, gpkg (with geometry); default csv,gpkg.</source>
        <translation>碳库表法：各地块结果表的格式，以逗号分隔：csv、gpkg（含几何）；默认 csv,gpkg。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LIST</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>--price needs two or more --lulc dates (value of the change)</source>
        <translation>--price 需要至少两个 --lulc 日期（估值对象是碳储量变化）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--discount and --price-change need --price</source>
        <translation>--discount 和 --price-change 需要同时指定 --price</translation>
    </message>
    <message>
        <location line="-343"/>
        <source>--%1 is not used by --method volume</source>
        <translation>--method volume 不使用 --%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--bef-form must be constant or continuous, not &apos;%1&apos;</source>
        <translation>--bef-form 必须是 constant 或 continuous，而不是“%1”</translation>
    </message>
    <message>
        <location line="+111"/>
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
        <location line="+27"/>
        <source>Carbon method: pools (land-cover rasters), volume (stand volume and species), soil (cropland soil), gainloss (forest flux), bluecarbon (mangroves and coastal wetlands) or regression (vegetation index). Methods other than pools and volume have their own options: see --method &lt;name&gt; --help.</source>
        <translation>碳计量方法：pools（土地覆盖栅格）、volume（林分蓄积与树种）、soil（农田土壤碳）、gainloss（森林增减通量）、bluecarbon（红树林与滨海湿地）或 regression（植被指数）。pools 与 volume 以外的方法有各自的选项：参见 --method &lt;名称&gt; --help。</translation>
    </message>
    <message>
        <location line="+62"/>
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
        <location line="+18"/>
        <source>Volume method: species parameter CSV (species_group, wd, bef, r, cf, fang_a, fang_b); default: the built-in table (values tagged unconfirmed).</source>
        <translation>蓄积量法：树种参数 CSV（species_group、wd、bef、r、cf、fang_a、fang_b）；默认：内置参数表（取值标签为 unconfirmed）。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>unknown --method &apos;%1&apos;; available: pools, volume, soil, gainloss, bluecarbon, regression</source>
        <translation>未知的 --method“%1”；可用方法：pools、volume、soil、gainloss、bluecarbon、regression</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>--parcel-formats: unknown format &apos;%1&apos;; use csv, gpkg or csv,gpkg</source>
        <translation>--parcel-formats：未知格式“%1”；请使用 csv、gpkg 或 csv,gpkg</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--parcel-formats needs csv, gpkg or both</source>
        <translation>--parcel-formats 需要 csv、gpkg 或两者</translation>
    </message>
    <message>
        <location line="+125"/>
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
</context>
<context>
    <name>CarbonFlux</name>
    <message>
        <location filename="../app/cli/CarbonFluxCommon.cpp" line="+102"/>
        <source>--threads must be a whole number from 0 (all cores) to 1024, not &apos;%1&apos;</source>
        <translation>--threads 必须是 0（全部核心）到 1024 之间的整数，而不是 &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>CarbonGainLoss</name>
    <message>
        <location filename="../models/carbon/GainLossMethod.cpp" line="+191"/>
        <source>the gain-loss method needs land cover at two dates or more (%1 given)</source>
        <translation>增减法需要两个或更多日期的土地覆盖（给出了 %1 个）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the disturbed fraction fd must lie between 0 and 1, not %1</source>
        <translation>受扰动比例 fd 必须在 0 到 1 之间，而不是 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no land-cover class is mapped to a forest type</source>
        <translation>没有任何土地覆盖类别映射到森林类型</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>class %1 is mapped to the forest type &apos;%2&apos;, which the growth table does not have; known: %3</source>
        <translation>类别 %1 映射到森林类型 &apos;%2&apos;，但生长量表中没有该类型；已知：%3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>forest class %1 has no row in the pools table (its c_above and c_below give the biomass lost in a disturbance)</source>
        <translation>森林类别 %1 在碳库表中没有对应行（其 c_above 和 c_below 给出扰动中损失的生物量）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>land-cover code %1 is outside 0–65535, which transition codes need</source>
        <translation>土地覆盖代码 %1 超出 0–65535，转移代码需要在此范围内</translation>
    </message>
</context>
<context>
    <name>CarbonInventoryRoute</name>
    <message>
        <location filename="../models/carbon/InventoryRoute.cpp" line="+201"/>
        <source>before the inventory year %1: the route carries the inventory stock forward only</source>
        <translation>早于调查年度 %1：该路线只将调查储量向后推算</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>no land cover under the stand on both %1 and %2: whether it was cleared is unknown, so its stock is not carried on</source>
        <translation>%1 年和 %2 年该小班下均无土地覆盖数据：无法判断是否被采伐，因此不再推算其储量</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>the layer has no field &apos;%1&apos;; its fields are: %2</source>
        <translation>图层没有字段“%1”；其字段为：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the stand age &apos;%1&apos; is not a whole number of years from 0 to 1000</source>
        <translation>林龄“%1”不是 0 至 1000 之间的整数年</translation>
    </message>
    <message>
        <location line="+412"/>
        <source>bef_form must be constant or continuous, not &apos;%1&apos;</source>
        <translation>bef_form 必须为 constant 或 continuous，而不是“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>growth must be mai or reference, not &apos;%1&apos;</source>
        <translation>growth 必须为 mai 或 reference，而不是“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>volume_cap must be inventory or none, not &apos;%1&apos;</source>
        <translation>volume_cap 须为 inventory 或 none，而非“%1”</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>the growth table has no row &apos;%1&apos;, which the volume_gainloss route needs (§3.5)</source>
        <translation>生长量参数表缺少 volume_gainloss 路线所需的行“%1”（§3.5）</translation>
    </message>
    <message>
        <location line="-243"/>
        <source>layer %1 has no year: the volume_gainloss route starts from the stock of the layer&apos;s inventory year</source>
        <translation>图层 %1 未设年份：volume_gainloss 路线以该图层调查年度的储量为起点</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>row %1, field %2: unknown stand origin &apos;%3&apos;; accepted: %4</source>
        <translation>第 %1 行，字段 %2：未知的起源“%3”；可用值：%4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>row %1, field %2: %3</source>
        <translation>第 %1 行，字段 %2：%3</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>%1 stand(s) have a volume ÷ age above %2 m³/ha/yr (the top of IPCC 2019 Table 4.11&apos;s ranges); their own increment is not used (rows %3)</source>
        <translation>%1 个小班的蓄积量 ÷ 林龄超过 %2 m³/ha/yr（IPCC 2019 表 4.11 范围上限），不采用其自身的年均生长量（第 %3 行）</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>no stock at any carbon year: %1</source>
        <translation>所有碳核算年份均无储量：%1</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 stand(s) reach their volume ceiling (the largest volume of their species group and origin in the layer, or the IPCC 2019 Table 4.7/4.8 biomass) and stop growing there; method_detail gives the ceiling and the year (rows %2)</source>
        <translation>%1 个小班达到其蓄积上限（图层中同一树种组与起源小班的最大每公顷蓄积，或 IPCC 2019 表 4.7/4.8 的生物量）并在此停止生长；method_detail 给出上限及达到年份（行 %2）</translation>
    </message>
</context>
<context>
    <name>CarbonMethodRun</name>
    <message>
        <location filename="../models/analysis/DeclarationsCarbon.cpp" line="-101"/>
        <source>the project gives %1 %2=%3; this run uses %2=%4 for every parcel</source>
        <translation>项目为 %1 设定 %2=%3；本次运行对所有地块使用 %2=%4</translation>
    </message>
</context>
<context>
    <name>CarbonPools</name>
    <message>
        <location filename="../models/carbon/PoolMethod.cpp" line="+346"/>
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
        <location line="+10"/>
        <source>the raster has no usable coordinate reference system%1, so its cell areas are unknown; assign the right one (e.g. gdal_edit.py -a_srs EPSG:4547 %2)</source>
        <translation>该栅格没有可用的坐标参考系%1，无法确定像元面积；请为其指定正确的坐标参考系（例如 gdal_edit.py -a_srs EPSG:4547 %2）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the raster&apos;s CRS has no linear unit; cell areas cannot be computed</source>
        <translation>该栅格的坐标参考系没有线性单位，无法计算像元面积</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the raster is not on the same grid as %1 (InVEST requires the same pixel size and dimensions; align the rasters first): %2 vs %3</source>
        <translation>该栅格与 %1 不在同一格网上（InVEST 要求像元大小和行列数相同；请先对齐栅格）：%2 与 %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the raster&apos;s CRS differs from that of %1</source>
        <translation>该栅格的坐标参考系与 %1 的不同</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>%1 land-cover code(s) present in %2 but missing from the pools table: %3</source>
        <translation>%2 中有 %1 个土地覆盖代码在碳库表中缺失：%3</translation>
    </message>
</context>
<context>
    <name>CarbonProject</name>
    <message>
        <location filename="../models/carbon/CarbonProject.cpp" line="-582"/>
        <source>no land-cover data under the parcel at any date</source>
        <translation>地块在所有日期下都没有土地覆盖数据</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>the method takes no option %1</source>
        <translation>该方法不接受选项 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>bef_form must be constant or continuous, not &apos;%1&apos;</source>
        <translation>bef_form 必须是 constant 或 continuous，而不是“%1”</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>layer %1 has no year: the volume method dates its stock by the inventory year of the layer</source>
        <translation>图层 %1 没有年份：蓄积量法以图层的调查年度作为碳储量的日期</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>the volume method gives the stock of the inventory year (%1) only; the volume_gainloss route carries it to every date</source>
        <translation>蓄积量法只给出调查年度（%1）的储量；volume_gainloss 路线将其推算到每个日期</translation>
    </message>
    <message>
        <location line="+703"/>
        <source>the project has no &quot;carbon&quot; section; add one (see docs/carbon-project.md)</source>
        <translation>项目没有 &quot;carbon&quot; 部分；请添加（见 docs/carbon-project.md）</translation>
    </message>
    <message>
        <location line="-169"/>
        <source>no method given; known methods: %1</source>
        <translation>未指定方法；已知方法：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no &quot;method&quot; given; known methods: %1</source>
        <translation>未给出 &quot;method&quot;；已知方法：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown method &apos;%1&apos;; known methods: %2</source>
        <translation>未知方法“%1”；已知方法：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>method %1 is listed twice for %2; list each method once (the first one is the primary one)</source>
        <translation>方法 %1 在 %2 中列出了两次；每种方法只列一次（第一个为主方法）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>method %1 takes no options</source>
        <translation>方法 %1 不接受任何选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>method %1 has no option &apos;%2&apos;; its options: %3</source>
        <translation>方法 %1 没有选项“%2”；其选项为：%3</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>no carbon years: list them in carbon.years or add dated land-cover layers</source>
        <translation>没有碳计量年份：请在 carbon.years 中列出，或添加带年份的土地覆盖图层</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>years must be strictly increasing: %1 comes after %2</source>
        <translation>年份必须严格递增：%1 排在 %2 之后</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no land-cover layer (role &quot;landcover&quot;) for %1, which the pool method needs</source>
        <translation>%1 年没有土地覆盖图层（角色 &quot;landcover&quot;），而碳库表法需要它</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>no parcel layers: list them in carbon.layers</source>
        <translation>没有地块图层：请在 carbon.layers 中列出</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+32"/>
        <source>%1 is not a vector layer of the project</source>
        <translation>%1 不是项目中的矢量图层</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>layer %1 is listed twice</source>
        <translation>图层 %1 被列出了两次</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>give either &quot;ecosystem_type&quot; (one type for the whole layer) or &quot;ecosystem_type_field&quot;, not both or neither</source>
        <translation>请给出 &quot;ecosystem_type&quot;（整个图层同一类型）或 &quot;ecosystem_type_field&quot; 之一，不能两者都给或都不给</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ecosystem type %1 (layer %2) has no method; add &quot;%1&quot;: {&quot;method&quot;: ...} to carbon.methods</source>
        <translation>生态系统类型 %1（图层 %2）没有指定方法；请在 carbon.methods 中添加 &quot;%1&quot;: {&quot;method&quot;: ...}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the grouping needs a &quot;name&quot; (the output column, e.g. &quot;district&quot;)</source>
        <translation>分组需要 &quot;name&quot;（输出列名，例如 &quot;district&quot;）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the grouping needs a &quot;layer&quot; (polygons) or a &quot;field&quot;</source>
        <translation>分组需要 &quot;layer&quot;（面图层）或 &quot;field&quot;</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>unknown parameter role &apos;%1&apos;; known: %2</source>
        <translation>未知的参数角色 &apos;%1&apos;；已知：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the project lists no parameter table named &apos;%1&apos;</source>
        <translation>项目中没有名为“%1”的参数表</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>discount and price_change need a price</source>
        <translation>discount 和 price_change 需要同时给出 price</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>the rule names no ecosystem type</source>
        <translation>该规则未指定生态系统类型</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the rule lists no land-cover class; give the codes of the project&apos;s classes, e.g. [61]</source>
        <translation>该规则未列出土地覆盖类别；请给出项目类别表中的代码，例如 [61]</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>min_share must be a share above 0 and at most 1, not %1</source>
        <translation>min_share 必须是大于 0 且不超过 1 的比例，而不是 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>land-cover class %1 is not one of the project&apos;s classes</source>
        <translation>土地覆盖类别 %1 不在项目的类别表中</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the land-use change rules need a land-cover layer for every carbon year; %1 has none</source>
        <translation>土地利用变化规则需要每个碳核算年份都有土地覆盖图层；%1 年没有</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>layer %1 (%2) has no field &apos;%3&apos;; its fields are: %4</source>
        <translation>图层 %1（%2）没有字段“%3”；其字段为：%4</translation>
    </message>
    <message>
        <location line="+313"/>
        <source>layer %1 is in another CRS than layer %2; reproject it to the project CRS</source>
        <translation>图层 %1 的坐标参考系与图层 %2 不同；请将其重投影到项目坐标系</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>parcel %1: unknown method &apos;%2&apos;</source>
        <translation>地块 %1：未知方法“%2”</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 parcel(s) of layer %2 have the ecosystem type &apos;%3&apos;, which has no method; add &quot;%3&quot;: {&quot;method&quot;: ...} (or &quot;*&quot;) to carbon.methods</source>
        <translation>图层 %2 中有 %1 个地块的生态系统类型为“%3”，该类型没有指定方法；请在 carbon.methods 中添加 &quot;%3&quot;: {&quot;method&quot;: ...}（或 &quot;*&quot;）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>the grouping layer %1 is in another CRS than the parcel layers; reproject it</source>
        <translation>分组图层 %1 的坐标参考系与地块图层不同；请将其重投影</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>method %1 needs the field &apos;%2&apos; of layer %3: map it in the layer&apos;s &quot;fields&quot;</source>
        <translation>方法 %1 需要图层 %3 的字段“%2”：请在该图层的 &quot;fields&quot; 中映射它</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>land-cover class %1 of carbon.land_use_change[%2] has no row in the pool table; add its densities (t C/ha) for the new use&apos;s carbon</source>
        <translation>carbon.land_use_change[%2] 中的土地覆盖类别 %1 在碳库表中没有对应行；请补充其碳密度（t C/ha），用于计算新用途的碳储量</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>%1 result(s) altered by a land-use change have no Monte Carlo samples; totals counting them at the altered dates have no bounds</source>
        <translation>%1 个因土地利用变化而调整的结果没有蒙特卡洛样本；在调整时点包含这些结果的汇总没有置信区间</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>geometry not usable: %1</source>
        <translation>几何图形不可用：%1</translation>
    </message>
</context>
<context>
    <name>CarbonProjectCommand</name>
    <message>
        <location filename="../app/cli/CarbonProjectCommand.cpp" line="+245"/>
        <source>Project file (project.tanhui.json).</source>
        <translation>项目文件（project.tanhui.json）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No progress bar and no summary.</source>
        <translation>不显示进度条和摘要。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>--%1 needs --uncertainty or &quot;uncertainty&quot; in the carbon section of %2</source>
        <translation>--%1 需要 --uncertainty，或在 %2 的 carbon 部分中设置 &quot;uncertainty&quot;</translation>
    </message>
    <message>
        <location line="-249"/>
        <source>Carbon of every parcel of a project, each with the method assigned to its ecosystem type in
the project&apos;s &quot;carbon&quot; section (docs/carbon-project.md). Parcel layers, ecosystem types,
methods, dates, grouping (e.g. districts: each parcel goes to the district it overlaps most),
valuation and parameter tables all come from the project file.
A type may list several methods (e.g. &quot;forest&quot;: [&quot;volume&quot;, &quot;pools&quot;, &quot;gainloss&quot;]): each
parcel then has one row per method (column primary = 1 for the first); totals by ecosystem
type and grouping count the primary rows only, totals_by_method.csv every method.

Outputs in --out DIR (default: carbon next to the project file): parcels.csv and parcels.gpkg
(one row per parcel: layer, id, ecosystem_type, method, area_ha, per date &lt;pool&gt;_t_&lt;year&gt;,
c_total_t_&lt;year&gt; in t C and c_total_t_per_ha_&lt;year&gt; in t C/ha, changes in t C, t CO2e and
t C/yr, flagged parameters, nodata share, repaired geometry, parameter rows used, and why a
parcel was not computed), totals_by_ecosystem_type.csv, totals_by_method.csv,
totals_by_&lt;grouping&gt;.csv, parameters_used.csv, summary.csv, each method&apos;s rasters in
rasters/&lt;method&gt;/ (c_density_&lt;year&gt;.tif in t C/ha), and resultset.json (every table with its
columns&apos; units and descriptions, each input with its SHA-256, the parameter rows and settings
used, messages).

Uncertainty (carbon.uncertainty in the project, or --uncertainty; docs/uncertainty.md):
Monte Carlo bounds (2.5/50/97.5 percentiles) and Approach 1 U of every stock and change of
the methods with Monte Carlo (docs/carbon-project.md, &quot;Methods with bounds&quot;; totals with
parcels of other methods name them in bounds_note), per parcel and in every total (from
per-iteration sums), and
uncertainty_run.csv, uncertainty_parameters.csv. --iterations, --seed and
--default-uncertainty override the project&apos;s values.

Methods:
</source>
        <translation>按项目 &quot;carbon&quot; 部分为每种生态系统类型指定的方法，计算项目中每个地块的碳
（docs/carbon-project.md）。地块图层、生态系统类型、方法、日期、分组（例如区县：每个地块归入
与其重叠面积最大的区县）、价值评估和参数表都来自项目文件。
一种类型可以列出多个方法（例如 &quot;forest&quot;: [&quot;volume&quot;, &quot;pools&quot;, &quot;gainloss&quot;]）：每个
地块每种方法一行（第一个方法的 primary 列为 1）；按生态系统类型和分组的合计只计主方法行，
totals_by_method.csv 计所有方法。

--out DIR 中的输出（默认：项目文件旁的 carbon）：parcels.csv 和 parcels.gpkg
（每个地块一行：layer、id、ecosystem_type、method、area_ha，每个日期的 &lt;pool&gt;_t_&lt;year&gt;、
以 t C 计的 c_total_t_&lt;year&gt; 和以 t C/ha 计的 c_total_t_per_ha_&lt;year&gt;，以 t C、t CO2e 和
t C/yr 计的变化量，被标记的参数、无数据比例、修复过的几何、使用的参数行，以及地块未计算的
原因），totals_by_ecosystem_type.csv、totals_by_method.csv、totals_by_&lt;grouping&gt;.csv、
parameters_used.csv、summary.csv、各方法在 rasters/&lt;method&gt;/ 中的栅格
（以 t C/ha 计的 c_density_&lt;year&gt;.tif），以及 resultset.json（每个表及其各列的单位和说明、
每个输入及其 SHA-256、所用的参数行和设置、消息）。

不确定性（项目中的 carbon.uncertainty 或 --uncertainty；docs/uncertainty.md）：
对支持蒙特卡洛的方法（docs/carbon-project.md，“Methods with bounds”；含其他方法地块的汇总在
bounds_note 中列出这些方法）的每个储量和变化量，给出蒙特卡洛置信区间（2.5/50/97.5 百分位数）和
方法 1 的 U，既针对每个地块，也针对每项汇总（由逐次迭代求和得到），并输出
uncertainty_run.csv、uncertainty_parameters.csv。--iterations、--seed 和
--default-uncertainty 覆盖项目中的设置。

方法：
</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 more parcel(s) not computed; all are listed with the reason in the column not_computed of %2</source>
        <translation>另有 %1 个地块未计算；全部地块及原因列在 %2 的 not_computed 列中</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 parameter row(s) used by this run are not verified (%2); the parcels using them are flagged, and every row with its tag is listed in %3</source>
        <translation>本次运行使用的 %1 行参数未经核实（%2）；使用它们的地块已被标记，每一行及其标签列在 %3 中</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>ledger: union of the parcel layers %1 ha, the layers summed %2 ha; overlaps removed in %3 s (precedence %4, overlaps.csv)</source>
        <translation>台账：地块图层并集面积 %1 公顷，各图层面积之和 %2 公顷；重叠扣除用时 %3 秒（优先顺序 %4，见 overlaps.csv）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ledger: %1 result(s) of partly overlapped parcels count the carbon of their accounted part, computed from its own coverage (accounted_rule in parcels.csv)</source>
        <translation>台账：%1 个部分重叠地块的结果按其计入部分自身的精确覆盖计算碳（见 parcels.csv 的 accounted_rule）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the ledger check failed: %1 of %2 check(s); each is listed in %3</source>
        <translation>台账核对未通过：%2 项核对中有 %1 项不符；各项详见 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ledger check: all %1 check(s) passed (%2)</source>
        <translation>台账核对：全部 %1 项核对均已通过（%2）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>method %1: %2 parcel(s)</source>
        <translation>方法 %1：%2 个地块</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stock %1: %2 t C in %3 parcel(s) (%4 ha)</source>
        <translation>%1 年碳储量：%2 t C，%3 个地块（%4 ha）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: %2 t C</source>
        <translation>%1 年：%2 t C</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the stocks per date cover different parcels (%1): a primary method gives some parcels a stock at some dates only (e.g. the volume method at the inventory year), so do not compare them across dates. Like for like, over the %2 parcel(s) (%3 ha) with a stock at every date: %4 (c_total_t_&lt;year&gt;_all_dates in summary.csv)</source>
        <translation>各年份的碳储量覆盖的地块不同（%1）：某些地块的主方法只在部分年份给出碳储量（例如蓄积量法只在调查年份），因此不能跨年份比较这些合计。同口径比较：在每个年份都有碳储量的 %2 个地块（%3 ha）上为 %4（见 summary.csv 中的 c_total_t_&lt;年份&gt;_all_dates）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>change %1-%2: %3 t C = %4 t CO2e in %5 parcel(s)</source>
        <translation>%1–%2 年变化：%3 t C = %4 t CO2e，%5 个地块</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>uncertainty: %1 Monte Carlo iterations, seed %2; bounds for the methods %3</source>
        <translation>不确定性：%1 次蒙特卡洛迭代，种子 %2；给出置信区间的方法：%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>stock %1: 95 % interval %2 to %3 t C</source>
        <translation>%1 年储量：95 % 区间 %2 至 %3 t C</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>change %1-%2: 95 % interval %3 to %4 t C</source>
        <translation>%1-%2 年变化量：95 % 区间 %3 至 %4 t C</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>npv %1-%2: %3 (K = %4 per t C)</source>
        <translation>%1–%2 年净现值：%3（K = 每吨碳 %4）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ecosystem type %1: %2 parcel(s), %3 ha; %4</source>
        <translation>生态系统类型 %1：%2 个地块，%3 ha；%4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 parcel(s), %2 not computed, in %3 s</source>
        <translation>%1 个地块，%2 个未计算，用时 %3 秒</translation>
    </message>
</context>
<context>
    <name>CarbonRegression</name>
    <message>
        <location filename="../models/carbon/RegressionMethod.cpp" line="+62"/>
        <source>%1 band %2</source>
        <translation>%1 第 %2 波段</translation>
    </message>
    <message>
        <location line="+232"/>
        <source>the form is missing; use one of: %1</source>
        <translation>缺少 form；请使用以下之一：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown form &apos;%1&apos;; use one of: %2</source>
        <translation>未知的 form &apos;%1&apos;；请使用以下之一：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>give either bias_sigma2 (Baskerville) or smearing (Duan), not both</source>
        <translation>bias_sigma2（Baskerville）与 smearing（Duan）只能给出其一，不能同时给出</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a log-model bias correction applies only to the power and exponential forms (fitted on ln AGB), not to the %1 form; leave the cell empty</source>
        <translation>对数模型偏差校正只适用于幂函数和指数形式（按 ln AGB 拟合），不适用于 %1 形式；请将该单元格留空</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a smearing factor below 1 lowers every prediction; Duan&apos;s factor is a mean of e^residual and is normally ≥ 1</source>
        <translation>smearing 因子小于 1 会降低所有预测值；Duan 因子是 e^残差 的均值，通常 ≥ 1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a must be positive for the %1 form (it is e^intercept of the log model)</source>
        <translation>%1 形式的 a 必须为正数（它是对数模型截距的 e 次幂）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>this row is tagged example (e.g. the illustrative curve of carbon-methods.md §6.1): it is not a calibrated model and results using it are illustrative only</source>
        <translation>此行标记为 example（例如 carbon-methods.md §6.1 的示意曲线）：它不是经过标定的模型，使用它的结果仅供示意</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>band %1 has no DATE metadata (YYYY-MM-DD) and no description starting with a year; give the years with --vi FILE@YEAR per file instead</source>
        <translation>第 %1 波段没有 DATE 元数据（YYYY-MM-DD），其描述也不以年份开头；请改用 --vi FILE@YEAR 逐个文件给出年份</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>no vegetation-index raster was given</source>
        <translation>未给出植被指数栅格</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no land-cover raster was given</source>
        <translation>未给出土地覆盖栅格</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>year %1 is given twice (%2 and %3); give one vegetation-index band per year</source>
        <translation>年份 %1 给出了两次（%2 和 %3）；每年只能给一个植被指数波段</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>land-cover year %1 is given twice</source>
        <translation>土地覆盖年份 %1 给出了两次</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>vegetation-index years %1 are earlier than every land-cover date (the earliest is %2); each year uses the nearest earlier or equal land-cover date, so add a land-cover raster for %3 or earlier</source>
        <translation>植被指数年份 %1 早于所有土地覆盖日期（最早为 %2）；每年使用最近的、不晚于该年的土地覆盖日期，请添加 %3 年或更早的土地覆盖栅格</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the raster has no coordinate reference system; assign one (e.g. gdal_edit.py -a_srs EPSG:4547)</source>
        <translation>该栅格没有坐标参考系；请先指定（例如 gdal_edit.py -a_srs EPSG:4547）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the grid or CRS differs from %1 (%2 vs %3); every vegetation-index and land-cover raster must share one grid: align them first (nearest neighbour for land cover, average for the index)</source>
        <translation>格网或坐标参考系与 %1 不同（%2 对比 %3）；所有植被指数和土地覆盖栅格必须使用同一格网：请先对齐（土地覆盖用最近邻，植被指数用均值）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>band %1 does not exist</source>
        <translation>第 %1 波段不存在</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the raster of %1 has %2 bands, but a one-year vegetation index must have one: give a one-band file per year (e.g. gdal_translate -b 1), or one multi-band file with --vi-stack</source>
        <translation>%1 年的栅格有 %2 个波段，但单年植被指数只能有一个波段：请每年提供一个单波段文件（例如 gdal_translate -b 1），或用 --vi-stack 提供一个多波段文件</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>land cover must be an integer raster of class codes, not %1</source>
        <translation>土地覆盖必须是类别代码的整数栅格，而不是 %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 cell(s) lie outside the index range [−1, 1] (values %2 to %3)</source>
        <translation>%1 个像元超出指数范围 [−1, 1]（取值 %2 至 %3）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>: the index is probably scaled by 10,000 (MODIS, Landsat collection products); divide by 10,000 first</source>
        <translation>：该指数可能放大了 10,000 倍（MODIS、Landsat 集合产品）；请先除以 10,000</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>: is this a vegetation index (NDVI, EVI)? Check the band and its nodata value</source>
        <translation>：这是植被指数（NDVI、EVI）吗？请检查波段及其无数据值</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 (in %2)</source>
        <translation>%1（见 %2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>forest land-cover codes without a coefficient row: %1; add a row for each (or leave the class out of --forest-classes)</source>
        <translation>以下森林土地覆盖代码没有系数行：%1；请为每个代码添加一行（或将该类别从 --forest-classes 中去掉）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>code %1 is not a forest class (--forest-classes); the row is not used</source>
        <translation>代码 %1 不是森林类别（--forest-classes）；该行未被使用</translation>
    </message>
</context>
<context>
    <name>CarbonResultSetText</name>
    <message>
        <location filename="../models/carbon/CarbonResultSet.cpp" line="+261"/>
        <source>layer %1, parcel %2 (%3, method %4) not computed: %5</source>
        <translation>图层 %1，地块 %2（%3，方法 %4）未计算：%5</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>layer %1, parcel %2: the geometry was invalid and was repaired (GEOS MakeValid) before computing</source>
        <translation>图层 %1，地块 %2：几何图形无效，计算前已修复（GEOS MakeValid）</translation>
    </message>
</context>
<context>
    <name>CarbonResultText</name>
    <message>
        <location filename="../models/carbon/CarbonResult.cpp" line="+927"/>
        <location line="+44"/>
        <source>no stock in %1</source>
        <translation>%1 年无储量</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+44"/>
        <source>no change %1</source>
        <translation>%1 无变化量</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>the method %1 gives no value there</source>
        <translation>方法 %1 在这些日期不给出数值</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no parcel computed</source>
        <translation>无已计算的地块</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the stock of %1 covers %2 of %3 computed parcels</source>
        <translation>%1 年储量只覆盖 %3 个已计算地块中的 %2 个</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the change %1 covers %2 of %3 computed parcels</source>
        <translation>%1 变化量只覆盖 %3 个已计算地块中的 %2 个</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: no counted parcel has a value there (methods: %2); see blank_note in parcels.csv</source>
        <translation>%1：计入的地块在这些日期均无数值（方法：%2）；详见 parcels.csv 的 blank_note</translation>
    </message>
</context>
<context>
    <name>CarbonSoil</name>
    <message>
        <location filename="../models/carbon/SoilMethod.cpp" line="+146"/>
        <source>, … (%1 in all)</source>
        <translation>，…（共 %1 个）</translation>
    </message>
    <message>
        <location line="+166"/>
        <source>the table has no row %1 (%2); add it or choose another climate zone / soil class</source>
        <translation>表中没有行 %1（%2）；请添加该行，或选择其他气候区/土壤类型</translation>
    </message>
    <message>
        <location line="+237"/>
        <source>the layer has no field &apos;%1&apos;; its fields are: %2</source>
        <translation>图层没有字段 &apos;%1&apos;；其字段为：%2</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>feature %1 (id %2)</source>
        <translation>要素 %1（编号 %2）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: the year &apos;%2&apos; is not a whole number</source>
        <translation>%1：年份 &apos;%2&apos; 不是整数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the practice start year %2 is before %3; check the field</source>
        <translation>%1：措施起始年份 %2 早于 %3；请检查该字段</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: the practice start year %2 is in the future (after %3)</source>
        <translation>%1：措施起始年份 %2 在未来（晚于 %3）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&apos;%1&apos; (rows %2)</source>
        <translation>&apos;%1&apos;（行 %2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown %1 in %2 feature(s): %3; accepted: %4</source>
        <translation>%2 个要素中有未知的%1：%3；可接受：%4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>crop or land use</source>
        <translation>作物或土地利用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>practice</source>
        <translation>措施</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>organic-fertiliser value</source>
        <translation>有机肥取值</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>contradictory practices (e.g. straw return and burning, or two tillage levels) in %1 feature(s): rows %2</source>
        <translation>%1 个要素的措施相互矛盾（如秸秆还田与焚烧同时出现，或两种耕作方式）：行 %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 feature(s) have a practice other than the &apos;before&apos; state (%2 input, full tillage) but no start year; their practice is taken as established (SOC at equilibrium, no change): rows %3</source>
        <translation>%1 个要素的措施不同于“变化前”状态（%2 投入、常规翻耕），但没有起始年份；其措施视为已长期实行（土壤有机碳处于平衡，无变化）：行 %3</translation>
    </message>
</context>
<context>
    <name>CarbonTables</name>
    <message>
        <location filename="../models/carbon/CarbonTables.cpp" line="+153"/>
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
    <name>CarbonUncertainty</name>
    <message>
        <location filename="../app/cli/CarbonUncertainty.cpp" line="+76"/>
        <source>run-wide --default-uncertainty %1 % (U = 95 % half-width; carbon-methods.md §6.2 item 1)</source>
        <translation>全局 --default-uncertainty %1 %（U = 95 % 置信区间半宽；carbon-methods.md §6.2 第 1 条）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 value(s) of the %2 have no uncertainty (no uncertainty columns in the table and no --default-uncertainty) and are treated as exact: %3</source>
        <translation>%2中有 %1 个取值没有不确定性（表中没有不确定性列，也未指定 --default-uncertainty），按精确值处理：%3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Uncertainty: Monte Carlo (IPCC Approach 2, 2.5/50/97.5 percentiles) and Approach 1 per parcel and in total.</source>
        <translation>不确定性：逐地块及总体计算蒙特卡洛模拟（IPCC 方法 2，2.5/50/97.5 百分位数）和方法 1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Monte Carlo iterations (default %1).</source>
        <translation>蒙特卡洛迭代次数（默认 %1）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Monte Carlo seed, 0 to 2^53 - 1 (default %1); the same seed gives the same numbers for any thread count.</source>
        <translation>蒙特卡洛随机种子，0 至 2^53 - 1（默认 %1）；相同种子在任意线程数下得到相同结果。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PCT</source>
        <translation>PCT</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>--%1 needs --uncertainty</source>
        <translation>--%1 需要同时指定 --uncertainty</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>--iterations must be a whole number from 1 to 10000000, not &apos;%1&apos;</source>
        <translation>--iterations 必须是 1 到 10000000 之间的整数，而不是“%1”</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Defaults for table values without uncertainty columns: each value takes the default of its kind (carbon fraction, BEF, R, Tier 1 densities, soil factors; docs/uncertainty.md); PCT (U in %, 95 % half-width, e.g. 90 for the IPCC &apos;±90 %&apos; Tier 1 convention) covers the kinds without one.</source>
        <translation>为没有不确定性列的参数表数值启用默认值：每个数值采用其参数类别的默认值（含碳率、生物量扩展因子、根茎比、Tier 1 碳密度、土壤因子；见 docs/uncertainty.md）；PCT（U，以 % 计的 95 % 半宽，例如按 IPCC Tier 1 的“±90 %”惯例取 90）用于没有默认值的类别。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>--seed must be a whole number from 0 to 9007199254740991, not &apos;%1&apos;</source>
        <translation>--seed 必须是 0 到 9007199254740991 之间的整数，而不是“%1”</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>pools table</source>
        <translation>碳库表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>uncertainty: %1 Monte Carlo iterations, seed %2</source>
        <translation>不确定性：蒙特卡洛迭代 %1 次，种子 %2</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>species table</source>
        <translation>树种参数表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>uncertainty: %1 Monte Carlo iterations, seed %2; total %3 t C (95 % interval %4 to %5; Approach 1 ±%6 %)</source>
        <translation>不确定性：蒙特卡洛迭代 %1 次，种子 %2；总量 %3 t C（95 % 区间 %4 至 %5；方法 1 ±%6 %）</translation>
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
        <location filename="../app/cli/CarbonCommand.cpp" line="-537"/>
        <location line="+301"/>
        <location filename="../app/cli/CliCommon.cpp" line="+59"/>
        <location filename="../app/cli/RegressionCommand.cpp" line="+211"/>
        <source>(see tanhui-cli %1 --help)</source>
        <translation>（参见 tanhui-cli %1 --help）</translation>
    </message>
    <message>
        <location filename="../app/cli/CliCommon.cpp" line="+14"/>
        <source>unexpected argument &apos;%1&apos; %2</source>
        <translation>多余的参数“%1”%2</translation>
    </message>
    <message>
        <location filename="../app/cli/CarbonCommand.cpp" line="-303"/>
        <location line="+301"/>
        <location filename="../app/cli/CliCommon.cpp" line="+6"/>
        <location filename="../app/cli/RegressionCommand.cpp" line="+4"/>
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
        <source>cancelled; %1 is unchanged</source>
        <translation>已取消；%1 未作任何改动</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>input file not found: %1</source>
        <translation>找不到输入文件：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--out %1 is a file, not a folder</source>
        <translation>--out %1 是文件，不是文件夹</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--out %1: the folder cannot be created or is not writable</source>
        <translation>--out %1：无法创建该文件夹或该文件夹不可写</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>error: </source>
        <translation>错误：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>warning: </source>
        <translation>警告：</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="+29"/>
        <source>Usage: tanhui-cli &lt;command&gt; [options]

Commands:
  sample   write the Guangzhou-like sample project (generated)
  zonal    exact per-parcel zonal statistics of raster bands
  carbon   carbon stocks, change and value from land-cover rasters
  gep      gross ecosystem product (GEP) per parcel
  plan     a restoration plan of the project against the baseline
  map      a project map as PNG, PDF or SVG (layouts, atlas)
  report   the valuation report (PDF or HTML) from result sets

Run &apos;tanhui-cli &lt;command&gt; --help&apos; for the options of a command.
Options: --help, --version
</source>
        <translation>用法：tanhui-cli &lt;命令&gt; [选项]

命令：
  sample   写出仿广州的示例项目（生成数据）
  zonal    按地块对栅格波段做精确分区统计
  carbon   根据土地覆盖栅格计算碳储量、碳储量变化及其价值
  gep      按地块核算生态系统生产总值（GEP）
  plan     将项目的修复规划与基线情景对比
  map      将项目地图导出为 PNG、PDF 或 SVG（布局、图集）
  report   根据结果集生成核算报告（PDF 或 HTML）

运行“tanhui-cli &lt;命令&gt; --help”查看某个命令的选项。
选项：--help、--version
</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>unknown command &apos;%1&apos; (see tanhui-cli --help)</source>
        <translation>未知命令 &apos;%1&apos;（参见 tanhui-cli --help）</translation>
    </message>
    <message>
        <location filename="../app/cli/NumericOptions.cpp" line="+28"/>
        <source>%1 must be a number in %2, not &apos;%3&apos;</source>
        <translation>%1 必须是以 %2 为单位的数字，而不是“%3”</translation>
    </message>
</context>
<context>
    <name>EcosystemType</name>
    <message>
        <location filename="../render/ProjectMaps.cpp" line="+24"/>
        <source>Forest</source>
        <translation>森林</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Broadleaf forest</source>
        <translation>阔叶林</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shrubland</source>
        <translation>灌木林</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear-cut</source>
        <translation>采伐迹地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grassland</source>
        <translation>草地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cropland</source>
        <translation>耕地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mangrove</source>
        <translation>红树林</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marsh</source>
        <translation>沼泽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidal flat</source>
        <translation>滩涂</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fishpond dyke</source>
        <translation>基塘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>River</source>
        <translation>河流</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reservoir</source>
        <translation>水库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wetland</source>
        <translation>湿地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built-up</source>
        <translation>建设用地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settlement</source>
        <translation>建设用地</translation>
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
    <name>ExportOptions</name>
    <message>
        <location filename="../app/cli/ExportOptions.cpp" line="+95"/>
        <source>Also write every result table into one Excel workbook, results.xlsx (one sheet per table, units in the headers).</source>
        <translation>同时将所有结果表写入一个 Excel 工作簿 results.xlsx（每个表一个工作表，表头带单位）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start each CSV table with a UTF-8 byte-order mark, so that Excel shows Chinese text correctly.</source>
        <translation>在每个 CSV 表开头写入 UTF-8 字节顺序标记（BOM），使 Excel 能正确显示中文。</translation>
    </message>
</context>
<context>
    <name>FieldAttribute</name>
    <message>
        <location filename="../models/carbon/FieldMapping.cpp" line="+200"/>
        <source>Parcel id</source>
        <translation>地块编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unique id of each parcel: names parcels in every result table.</source>
        <translation>每个地块唯一的编号：各结果表用它指称地块。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Land class / ecosystem type</source>
        <translation>地类 / 生态系统类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The parcel&apos;s land class (地类) or ecosystem; its values are mapped to Tanhui&apos;s types in the project. Read by the carbon run and GEP.</source>
        <translation>地块的地类或生态系统；其取值在项目中对应到碳汇的类型。碳汇核算和 GEP 读取此字段。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Dominant species</source>
        <translation>优势树种</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dominant tree species (优势树种): selects wood density, BEF and root ratio (volume method, forest route).</source>
        <translation>优势树种：决定木材密度、生物量扩展因子和根茎比（蓄积量法、森林路线）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stand volume per hectare (m³/ha)</source>
        <translation>每公顷蓄积（m³/ha）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Growing stock per hectare (每公顷蓄积), m³/ha (volume method, forest route).</source>
        <translation>每公顷蓄积量，m³/ha（蓄积量法、森林路线）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stand age (years)</source>
        <translation>林龄（年）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean age of the stand (林龄), years: growth by age (forest route).</source>
        <translation>林分平均年龄（林龄），单位年：按年龄确定生长量（森林路线）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Origin (natural / planted)</source>
        <translation>起源（天然 / 人工）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>起源: natural (天然) or planted (人工) stand: growth rates (forest route).</source>
        <translation>起源：天然林或人工林，决定生长速率（森林路线）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Crop</source>
        <translation>作物</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crop grown on the plot (作物): cropland soil factors (soil method).</source>
        <translation>地块种植的作物：决定农田土壤碳因子（土壤法）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Management practice</source>
        <translation>管理方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tillage and input practice of the plot (soil method).</source>
        <translation>地块的耕作和投入方式（土壤法）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Practice since (year)</source>
        <translation>现行方式起始年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year the current practice started (soil method).</source>
        <translation>现行管理方式开始的年份（土壤法）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Straw returned since (year)</source>
        <translation>秸秆还田起始年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year straw return started (秸秆还田), soil method.</source>
        <translation>开始秸秆还田的年份（土壤法）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Organic fertiliser (yes / no)</source>
        <translation>施用有机肥（是 / 否）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether manure or organic fertiliser is applied (施用有机肥).</source>
        <translation>是否施用粪肥或有机肥。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Planting year</source>
        <translation>种植年份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year the plot was planted (种植年份): blue carbon accumulates from it.</source>
        <translation>地块种植的年份：蓝碳自该年起累积。</translation>
    </message>
</context>
<context>
    <name>GainLossCommand</name>
    <message>
        <location filename="../app/cli/GainLossCommand.cpp" line="+34"/>
        <source>Forest gain-loss carbon flux per parcel (carbon-methods.md §3.2, §3.5; IPCC Eq. 2.9, 2.10, 2.14, Tier 1).

Between consecutive land-cover dates Y1 and Y2 (T = Y2 − Y1 years), per parcel, from the true
(ellipsoidal) areas of each class pair Y1 → Y2 with exact pixel coverage:
  gain (t C/yr) = Σ forest types of area forest at both dates (ha) × G_W × (1 + R) × CF, plus land
      converted to forest × the new type&apos;s rate (growth_rates.csv: Tables 4.9 / 4.10);
  loss (t C)    = area forest at Y1 and non-forest at Y2 (clear-cut, fire, conversion; ha)
      × B_W × (1 + R) × CF × fd, where B_W × (1 + R) × CF = c_above + c_below of the Y1 class in
      the pools table (Eq. 2.14); loss_per_yr = loss / T;
  net (t C/yr)  = gain − loss / T; positive = removal (sink).
Forest classes map to forest types with --forest-class CODE=TYPE (default 11=natural_secondary_old,
12=plantation, 13=plantation; other classes are non-forest).

Outputs in --out DIR:
  transition_Y1_Y2.tif   per cell from × 65536 + to (NaN where either date is nodata).
  parcels_gainloss.csv, parcels_gainloss.gpkg   per parcel: area_ha; per interval _Y1_Y2:
      remaining_forest_ha, forest_type_change_ha, to_forest_ha, lost_forest_ha, nodata_ha,
      gain_t_per_yr, loss_t, loss_t_per_yr, net_t_per_yr (t C/yr), net_co2e_t_per_yr (t CO2e/yr
      removed), net_t_per_ha_yr; flagged_parameters.
  totals_gainloss.csv   quantity,value,unit: the same per interval summed over parcels, the remaining
      area per forest type, sink/source parcel counts.
  parameters_used.csv   growth and pools rows used (value, unit, source, tag, edition, flagged) and
      the settings.

Example (the sample project):
  tanhui-cli carbon --method gainloss --lulc rasters/landcover_2015.tif@2015 \
      --lulc rasters/landcover_2018.tif@2018 --parcels vectors/xiaoban.shp --id 小班号 --out gl_out</source>
        <translation>森林增减法碳通量（按地块；carbon-methods.md §3.2、§3.5；IPCC 式 2.9、2.10、2.14，Tier 1）。

在相邻两个土地覆盖日期 Y1 与 Y2 之间（T = Y2 − Y1 年），对每个地块，按精确像元覆盖计算 Y1 → Y2
各类别对的真实（椭球）面积：
  增长（t C/yr）= Σ 森林类型 两期均为森林的面积（ha）× G_W × (1 + R) × CF，加上转为森林的土地
      × 新类型的速率（growth_rates.csv：表 4.9 / 4.10）；
  损失（t C）   = Y1 为森林、Y2 为非森林的面积（皆伐、火灾、转用；ha）× B_W × (1 + R) × CF × fd，
      其中 B_W × (1 + R) × CF = 碳库表中 Y1 类别的 c_above + c_below（式 2.14）；loss_per_yr = 损失 / T；
  净值（t C/yr）= 增长 − 损失 / T；正值 = 清除（碳汇）。
森林类别用 --forest-class CODE=TYPE 映射到森林类型（默认 11=natural_secondary_old、
12=plantation、13=plantation；其他类别为非森林）。

--out DIR 中的输出：
  transition_Y1_Y2.tif   每个像元为 from × 65536 + to（任一日期为无数据处为 NaN）。
  parcels_gainloss.csv、parcels_gainloss.gpkg   每个地块：area_ha；每个时段 _Y1_Y2：
      remaining_forest_ha、forest_type_change_ha、to_forest_ha、lost_forest_ha、nodata_ha、
      gain_t_per_yr、loss_t、loss_t_per_yr、net_t_per_yr（t C/yr）、net_co2e_t_per_yr（清除的
      t CO2e/yr）、net_t_per_ha_yr；flagged_parameters。
  totals_gainloss.csv   quantity,value,unit：各时段上述量的地块合计、各森林类型的保留面积、
      净汇/净源地块数。
  parameters_used.csv   所用的生长量表和碳库表行（数值、单位、来源、标记、版本、是否标记）及设置。

示例（示例项目）：
  tanhui-cli carbon --method gainloss --lulc rasters/landcover_2015.tif@2015 \
      --lulc rasters/landcover_2018.tif@2018 --parcels vectors/xiaoban.shp --id 小班号 --out gl_out</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>gainloss (this method).</source>
        <translation>gainloss（本方法）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+13"/>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Land-cover raster and its year, FILE@YEAR; two or more, earliest first.</source>
        <translation>土地覆盖栅格及其年份，格式 FILE@YEAR；两个或更多，按时间先后给出。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FILE@YEAR</source>
        <translation>FILE@YEAR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parcel polygon layer; required.</source>
        <translation>地块面图层；必填。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parcel id field (default: the feature id).</source>
        <translation>地块编号字段（默认：要素 ID）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FIELD</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layer name in a multi-layer source.</source>
        <translation>多图层数据源中的图层名。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attribute encoding of a shapefile.</source>
        <translation>Shapefile 的属性编码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ENC</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CRS to assign to a layer that has none.</source>
        <translation>为没有坐标系的图层指定坐标系。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRS</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV whose rows replace rows of the pools table (c_above + c_below of a lost forest class = B_W × (1 + R) × CF, t C/ha).</source>
        <translation>其行按键替换碳库表对应行的 CSV（损失森林类别的 c_above + c_below = B_W × (1 + R) × CF，t C/ha）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>CSV whose rows replace rows of growth_rates.csv (forest_type, g_w in t d.m./ha/yr, r, cf).</source>
        <translation>其行按键替换 growth_rates.csv 对应行的 CSV（forest_type、g_w（t d.m./ha/yr）、r、cf）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Land-cover class and its forest type, CODE=TYPE (repeat); replaces the default mapping 11=natural_secondary_old, 12=plantation, 13=plantation.</source>
        <translation>土地覆盖类别及其森林类型，格式 CODE=TYPE（可重复）；替换默认映射 11=natural_secondary_old、12=plantation、13=plantation。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CODE=TYPE</source>
        <translation>CODE=TYPE</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fraction of biomass lost where forest disappears (Eq. 2.14), 0–1; default 1 (clear-cut: Tier 1 B_AFTER = 0).</source>
        <translation>森林消失处损失的生物量比例（式 2.14），0–1；默认 1（皆伐：Tier 1 下 B_AFTER = 0）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Output folder (created if missing).</source>
        <translation>输出文件夹（不存在时创建）。</translation>
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
        <location line="+29"/>
        <source>--lulc %1: expected FILE@YEAR, e.g. landcover_2015.tif@2015</source>
        <translation>--lulc %1：应为 FILE@YEAR，例如 landcover_2015.tif@2015</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--forest-class %1: expected CODE=TYPE, e.g. 11=natural_secondary_old</source>
        <translation>--forest-class %1：应为 CODE=TYPE，例如 11=natural_secondary_old</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>%1 parameter row(s) used are tagged unconfirmed, secondary or example (listed in parameters_used.csv, flagged per parcel)</source>
        <translation>所用参数中有 %1 行标记为未确认、二手或示例（列于 parameters_used.csv，并在每个地块中标记）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1–%2: gain %3 t C/yr on %4 ha of forest, loss %5 t C on %6 ha cleared, net %7 t C/yr (%8 t CO2e/yr)</source>
        <translation>%1–%2：%4 ha 森林上增长 %3 t C/yr，%6 ha 采伐损失 %5 t C，净值 %7 t C/yr（%8 t CO2e/yr）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 parcel(s) (%2 net sinks, %3 net sources) in %4 s; wrote %5</source>
        <translation>%1 个地块（%2 个净汇，%3 个净源），用时 %4 秒；已写入 %5</translation>
    </message>
</context>
<context>
    <name>Gep</name>
    <message>
        <location filename="../models/gep/GepTables.cpp" line="+282"/>
        <source>(empty price index table)</source>
        <translation>（价格指数表为空）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the price index table %1 has no &apos;%2&apos; series (column %2 or %3); supply a table with it (--deflators FILE, with source and tag per row) or choose another series with --index-fallback (gep-methods.md §5.3)</source>
        <translation>价格指数表 %1 没有“%2”序列（列 %2 或 %3）；请提供含该序列的表（--deflators FILE，每行注明来源和标签），或用 --index-fallback 选择其他序列（gep-methods.md §5.3）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the price index table %1 has no &apos;%2&apos; value for year %3; add the row to adjust prices from %4 to %5 (gep-methods.md §5.3)</source>
        <translation>价格指数表 %1 缺少 %3 年的“%2”值；请补充该行，才能把价格从 %4 年调整到 %5 年（gep-methods.md §5.3）</translation>
    </message>
    <message>
        <location line="+92"/>
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
        <location line="+94"/>
        <source>unknown constant &apos;%1&apos; is ignored</source>
        <translation>未知常数“%1”，已忽略</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>price &apos;%1&apos; (%2, %3): %4</source>
        <translation>价格“%1”（%2，第 %3 行）：%4</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>adjusted from %1 (%2) by %3 index %4 → %5 (× %6)</source>
        <translation>由 %1（%2 年）按 %3 指数 %4 → %5 调整（× %6）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>; the price names the &apos;%1&apos; series, which the index table lacks: %2 used instead [design approximation]</source>
        <translation>；该价格指定“%1”序列，但指数表中没有：改用 %2 [设计近似]</translation>
    </message>
    <message>
        <location filename="../models/gep/Indicators.cpp" line="+23"/>
        <source>Material products</source>
        <translation>物质产品</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Water conservation</source>
        <translation>水源涵养</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Soil retention</source>
        <translation>土壤保持</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sand fixation</source>
        <translation>防风固沙</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Flood regulation</source>
        <translation>洪水调蓄</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Air purification</source>
        <translation>空气净化</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Water purification</source>
        <translation>水质净化</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Carbon sequestration</source>
        <translation>固碳</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Oxygen release</source>
        <translation>释氧</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Climate regulation</source>
        <translation>气候调节</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pest and disease control</source>
        <translation>病虫害控制</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Coastal protection</source>
        <translation>海岸带防护</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Recreation</source>
        <translation>休闲旅游</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>cop: water-surface cooling E_w·ρ·q/(3600·COP) + E_w·γ, divided by COP as several later specifications do (gep-methods.md §4.10, unconfirmed)</source>
        <translation>cop：水面蒸发降温 E_w·ρ·q/(3600·COP) + E_w·γ，按若干后续规范的做法除以能效比 COP（gep-methods.md §4.10，待确认）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>s1: water-surface cooling E_w·ρ·q/3600 + E_w·γ, not divided by COP (S1&apos;s equation, gep-methods.md §4.10)</source>
        <translation>s1：水面蒸发降温 E_w·ρ·q/3600 + E_w·γ，不除以能效比 COP（S1 的公式，gep-methods.md §4.10）</translation>
    </message>
    <message>
        <location line="+77"/>
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
        <location line="+16"/>
        <location line="+4"/>
        <source>CO2 fixed</source>
        <translation>固定的 CO2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the carbon result has soil carbon only (sediment burial or soil organic carbon), which releases no O2 (gep-methods.md §4.9)</source>
        <translation>碳核算结果只有土壤碳（沉积物埋藏或土壤有机碳），不释放氧气（gep-methods.md §4.9）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no carbon-engine result for the parcel</source>
        <translation>该地块没有碳计算结果</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the number of air-conditioning days D is not given</source>
        <translation>未给出空调开放天数 D</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no ET on air-conditioning days for ecosystem &apos;%1&apos;</source>
        <translation>生态系统“%1”没有空调开放日的蒸散量</translation>
    </message>
    <message>
        <location line="+17"/>
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
        <location filename="../models/gep/Units.cpp" line="+95"/>
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
        <location filename="../models/gep/GepCarbonJoin.cpp" line="+363"/>
        <source>cannot open the carbon table %1</source>
        <translation>无法打开碳计算结果表 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the carbon table %1 is empty</source>
        <translation>碳计算结果表 %1 为空</translation>
    </message>
    <message>
        <location line="-238"/>
        <source>%1, row %2, column %3: &apos;%4&apos; is not a number</source>
        <translation>%1，第 %2 行，列 %3：“%4”不是数字</translation>
    </message>
    <message>
        <location filename="../models/gep/GepSoilRetention.cpp" line="+39"/>
        <source>raster %1 is not on the grid of the DEM %2; resample the RUSLE factors to the DEM grid (same origin, cell size and size)</source>
        <translation>栅格 %1 与 DEM %2 的网格不一致；请将 RUSLE 因子重采样到 DEM 网格（相同的原点、像元大小和行列数）</translation>
    </message>
    <message>
        <location filename="../models/gep/GepProject.cpp" line="+117"/>
        <source>%1: feature %2 (id %3) skipped: %4</source>
        <translation>%1：已跳过要素 %2（编号 %3）：%4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: feature %2 (id %3): %4</source>
        <translation>%1：要素 %2（编号 %3）：%4</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>soil retention: the project lacks one of the rasters dem, rusle_r, rusle_k, rusle_c</source>
        <translation>土壤保持：项目缺少 dem、rusle_r、rusle_k、rusle_c 栅格中的某一个</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>the project needs at least two dated land-cover rasters (role landcover) for ecosystem types and carbon sequestration</source>
        <translation>项目至少需要两期带年份的土地覆盖栅格（角色 landcover），用于确定生态系统类型和固碳量</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>the land-cover rasters cannot be used by the carbon pool method</source>
        <translation>土地覆盖栅格无法用于碳库方法</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>layer %1</source>
        <translation>图层 %1</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>raster %1 does not cover any parcel of layer %2 (%3); check the raster&apos;s extent and CRS against the parcels</source>
        <translation>栅格 %1 未覆盖图层 %2（%3）的任何地块；请检查栅格的范围和坐标系是否与地块一致</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>raster %1 has negative values (min %2 mm) under parcel %3 of layer %4; precipitation and evapotranspiration must be ≥ 0 mm/a (set negative cells to nodata or fix the product)</source>
        <translation>栅格 %1 在图层 %4 的地块 %3 下有负值（最小 %2 mm）；降水和蒸散必须 ≥ 0 mm/a（请将负值像元设为无数据，或修正数据产品）</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>(no land cover)</source>
        <translation>（无土地覆盖）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>code %1</source>
        <translation>代码 %1</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>the district layer %1 (%2) is in another CRS than the parcel layer %3 (%4); reproject one of them</source>
        <translation>行政区图层 %1（%2）与地块图层 %3（%4）的坐标参照系不同；请将其中之一重投影</translation>
    </message>
    <message>
        <location filename="../app/cli/GepCommand.cpp" line="+78"/>
        <source>Project file (project.tanhui.json).</source>
        <translation>项目文件（project.tanhui.json）。</translation>
    </message>
    <message>
        <location filename="../models/gep/GepCarbonJoin.cpp" line="-64"/>
        <source>the carbon table %1 has no column change_t_per_yr_&lt;y1&gt;_&lt;y2&gt; (t C/yr) or change_t_&lt;y1&gt;_&lt;y2&gt; (t C); write it with tanhui-cli carbon</source>
        <translation>碳表 %1 没有 change_t_per_yr_&lt;y1&gt;_&lt;y2&gt;（t C/年）或 change_t_&lt;y1&gt;_&lt;y2&gt;（t C）列；请用 tanhui-cli carbon 生成</translation>
    </message>
    <message>
        <location line="+259"/>
        <source>the carbon results %1 have no result set (%2): they were written by an older version of Tanhui; rerun tanhui-cli carbon --project with this version into that folder</source>
        <translation>碳核算结果 %1 没有结果集（%2）：它们由旧版 Tanhui 写出；请用当前版本重新运行 tanhui-cli carbon --project 并输出到该文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 holds no carbon results (%2 is missing); run tanhui-cli carbon --project with --out to that folder first</source>
        <translation>%1 中没有碳核算结果（缺少 %2）；请先运行 tanhui-cli carbon --project，并用 --out 指定该文件夹</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the result set %1 (analysis %2) has no table &apos;parcels&apos;; give the folder of a tanhui-cli carbon --project run</source>
        <translation>结果集 %1（分析 %2）中没有 parcels 表；请指定 tanhui-cli carbon --project 运行的输出文件夹</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>the carbon table %1 has a quoted field that is not closed (missing &apos;&quot;&apos;)</source>
        <translation>碳结果表 %1 中有一个带引号的字段没有闭合（缺少 &apos;&quot;&apos;）</translation>
    </message>
    <message>
        <location line="-281"/>
        <source>the carbon engine did not compute the parcel: %1</source>
        <translation>碳计算引擎未计算该地块：%1</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>the carbon table %1 needs the id column &apos;%2&apos; or &apos;id&apos;</source>
        <translation>碳表 %1 需要标识列“%2”或“id”</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the carbon results %1 need the columns layer and source_fid (written by tanhui-cli carbon --project)</source>
        <translation>碳结果 %1 需要 layer 和 source_fid 列（由 tanhui-cli carbon --project 生成）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1, row %2, column source_fid: &apos;%3&apos; is not a feature id</source>
        <translation>%1，第 %2 行，source_fid 列：“%3”不是要素编号</translation>
    </message>
    <message>
        <location filename="../models/gep/GepProject.cpp" line="-392"/>
        <source>the carbon pools table %1 cannot be used</source>
        <translation>碳库表 %1 无法使用</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>carbon source for layer %1: the carbon table %2 (--carbon)</source>
        <translation>图层 %1 的碳来源：碳表 %2（--carbon）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>carbon source for layer %1: the carbon engine&apos;s results %2</source>
        <translation>图层 %1 的碳来源：碳计算引擎的结果 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>carbon source for layer %1: no carbon result; the carbon pool method ran on the land cover %2 and %3</source>
        <translation>图层 %1 的碳来源：没有碳结果；已用 %2 年和 %3 年土地覆盖运行碳库法</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>layer %1 (%2) maps ecosystem_type to the field &apos;%3&apos;, which the file does not have; fix the project&apos;s field mapping</source>
        <translation>图层 %1（%2）把 ecosystem_type 映射到字段“%3”，但文件中没有该字段；请修改项目的字段映射</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>carbon method %1</source>
        <translation>碳计量方法 %1</translation>
    </message>
    <message>
        <location filename="../app/cli/GepCommand.cpp" line="+2"/>
        <source>No progress bar.</source>
        <translation>不显示进度条。</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>  %1: %2 CNY/a, %3 %</source>
        <translation>  %1：%2 元/年，占 %3 %</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>--carbon must be LAYER=FILE (e.g. xiaoban=carbon_out/parcels.csv), not &apos;%1&apos;</source>
        <translation>--carbon 必须是 LAYER=FILE（例如 xiaoban=carbon_out/parcels.csv），而不是“%1”</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Gross ecosystem product (GEP) per parcel (gep-methods.md): physical quantity, value (CNY), price and
source for every indicator of the accounting profile; GEP = material + regulating + cultural.

Inputs come from the project: parcel layers (forest sub-compartments, farmland plots, wetland units,
restoration plots), districts, and the rasters with roles precipitation, evapotranspiration, rusle_r,
rusle_k, rusle_c, dem and landcover. Ecosystem type = the parcel&apos;s majority land-cover class at the
latest date (coefficients from gep/ecosystem_params.csv). Soil retention R·K·LS·(1 − C·P) is computed
per pixel (LS from the DEM, see docs/gep.md; P = 1) and averaged per parcel with the exact zonal
engine. Carbon sequestration is the carbon result&apos;s per-parcel change of the interval ending at the
accounting year (the latest land-cover date), per year, never re-derived. Indicators without inputs are skipped and listed with the reason.

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
docs/gep.md；P = 1），再用精确分区统计引擎求地块均值。固碳量取碳计算结果中以核算年（最新一期土地覆盖）为终点的时段的
地块变化量（按年），不重新推算。缺少输入的指标会被跳过并列出原因。

--out DIR 中的输出：indicators.csv（地块 × 指标：物理量、单位、价值、价格、价格单位、价格年份、来源、标记、
提示）、parcels_&lt;图层&gt;.gpkg（每个地块一行，含几何和每个指标的价值列）、totals.csv（按服务、类别、生态系统类型
和行政区汇总，含占比）、skipped.csv（图层、生态系统、指标、原因、地块数）、prices_used.csv，使用 --scenario 时还有
scenario_diff.csv。

示例：
  tanhui-cli gep --project sample/project.tanhui.json --out gep_out --ac-days 120</translation>
    </message>
    <message>
        <location filename="../models/gep/GepCarbonJoin.cpp" line="-220"/>
        <source>the carbon table %1 has no change for an interval ending at or containing the accounting year %2; run tanhui-cli carbon with %2 among its years</source>
        <translation>碳表 %1 中没有以核算年 %2 为终点或包含该年的时段变化量；请在 tanhui-cli carbon 的年份中包含 %2 后重新运行</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the carbon engine gives no change for the parcel in an interval ending at or containing the accounting year %1 (method %2)</source>
        <translation>碳计算引擎未给出该地块在以核算年 %1 为终点或包含该年的时段内的变化量（方法 %2）</translation>
    </message>
    <message>
        <location filename="../models/gep/GepResults.cpp" line="+326"/>
        <source>accounting profile (gep/profiles.csv), tag %1</source>
        <translation>核算方案（gep/profiles.csv），标签 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>price table (prices_used.csv lists every price)</source>
        <translation>价格表（各项价格见 prices_used.csv）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>price year of the values (value_cny)</source>
        <translation>价值量（value_cny）的价格年份</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>base year of value_base_cny (empty: no adjustment)</source>
        <translation>value_base_cny 的基期年份（空：未做价格年份调整）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>price index used for the price-year adjustment (gep-methods.md §5.3)</source>
        <translation>价格年份调整所用的价格指数（gep-methods.md §5.3）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>days with air conditioning D (gep-methods.md §4.10)</source>
        <translation>空调开放天数 D（gep-methods.md §4.10）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RUSLE slope length used (at most %1 m)</source>
        <translation>所用的 RUSLE 坡长（不超过 %1 m）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>steeper cells use the S factor of this slope (Liu, Nearing &amp; Risse 1994)</source>
        <translation>更陡的像元按此坡度计算坡度因子 S（Liu, Nearing &amp; Risse 1994）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the project&apos;s gep section, overridden by command-line flags</source>
        <translation>项目的 gep 设置，命令行参数优先</translation>
    </message>
    <message>
        <location filename="../models/gep/GepSetup.cpp" line="+72"/>
        <source>%1 from the project (%2)</source>
        <translation>%1 来自项目（%2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the project lists the table %1 at %2, which does not exist; the embedded default is used</source>
        <translation>项目列出的表 %1 位于 %2，但该文件不存在；改用内置默认表</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 embedded default</source>
        <translation>%1 内置默认表</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown --price-set &apos;%1&apos;; known: %2</source>
        <translation>未知的 --price-set“%1”；已有：%2</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>no price &apos;%1&apos; in the price table; add it with --prices (value, unit, basis t, price_year, source)</source>
        <translation>价格表中没有价格“%1”；请用 --prices 添加（value、unit、basis t、price_year、source）</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 (series the table lacks: %2)</source>
        <translation>%1（表中缺少的指数序列按 %2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> adjusted to %1 by %2</source>
        <translation>，按 %2 调整到 %1 年</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>profile %1 is tagged %2: %3</source>
        <translation>核算方案 %1 的标记为 %2：%3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>slope length %1 m is beyond the RUSLE L factor&apos;s range; %2 m (InVEST&apos;s L_max, gep-methods.md §7.2) is used</source>
        <translation>坡长 %1 m 超出 RUSLE 坡长因子的适用范围；改用 %2 m（InVEST 的 L_max，gep-methods.md §7.2）</translation>
    </message>
    <message>
        <location filename="../models/analysis/DeclarationsGep.cpp" line="+60"/>
        <source>project: %1</source>
        <translation>项目：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>flags: %1</source>
        <translation>命令行参数：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>defaults</source>
        <translation>默认值</translation>
    </message>
    <message>
        <location filename="../app/cli/GepCommand.cpp" line="+221"/>
        <source>parameter tables: %1</source>
        <translation>参数表：%1</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>timing: %1</source>
        <translation>耗时：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>profile %1, prices %2 (price years and sources in prices_used.csv)</source>
        <translation>核算方案 %1，价格 %2（价格年份和来源见 prices_used.csv）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>account: profile %1 (%2), price set %3, price year %4, price index %5, climate-regulation variant %6 (run_settings.csv; settings from %7)</source>
        <translation>核算设置：核算方案 %1（%2），价格集 %3，价格年份 %4，价格指数 %5，气候调节算法 %6（见 run_settings.csv；设置来源：%7）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2 parcels</source>
        <translation>%1：%2 个地块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEP %1 CNY/a (%2 亿元)</source>
        <translation>GEP %1 元/年（%2 亿元）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>carbon emission (net carbon source, not in GEP): %1 t CO2e/a, %2 CNY/a at the carbon price, on %3 parcels (totals.csv emission, carbon_emission_* in parcels_&lt;layer&gt;.gpkg)</source>
        <translation>碳排放（净碳源，不计入 GEP）：%1 t CO2e/a，按碳价计 %2 元/a，涉及 %3 个地块（见 totals.csv 的 emission 行及 parcels_&lt;layer&gt;.gpkg 的 carbon_emission_* 列）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>  at current prices of %1: %2 CNY/a; at the base-year prices (%3): %4 CNY/a (value_base_cny in indicators.csv and totals.csv)</source>
        <translation>  按 %1 年现价：%2 元/年；按基年价格（%3）：%4 元/年（见 indicators.csv 和 totals.csv 中的 value_base_cny）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>  ecosystem %1: %2 ha, %3 CNY/ha/a</source>
        <translation>  生态系统 %1：%2 公顷，%3 元/公顷/年</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>climate regulation is %1 % of GEP: it dominates the total and depends on the air-conditioning days D, on ET and on the water-surface variant (%2); report it separately (gep-methods.md §4.10, §10.2)</source>
        <translation>气候调节占 GEP 的 %1 %：它主导总值，并取决于空调开放天数 D、蒸散量和水面公式（%2）；请单独报告（gep-methods.md §4.10、§10.2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>soil retention: %1 DEM cells are steeper than %2 % and use the S factor of %2 % (validity of the steep-slope equation, Liu, Nearing &amp; Risse 1994); %3 parcels flagged ls_slope_capped</source>
        <translation>土壤保持：%1 个 DEM 像元坡度超过 %2 %，按 %2 % 计算坡度因子 S（陡坡公式的适用范围，Liu, Nearing &amp; Risse 1994）；%3 个地块标记为 ls_slope_capped</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>soil retention: %1 parcels have a potential erosion R·K·LS above %2 t/ha/a, implausible (flag implausible_potential_erosion; check the R, K and DEM rasters)</source>
        <translation>土壤保持：%1 个地块的潜在侵蚀量 R·K·LS 超过 %2 t/ha/a，不合理（标记 implausible_potential_erosion；请检查 R、K 和 DEM 栅格）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>water conservation: %1 parcels have an ET below %2 % of their ecosystem&apos;s median, so the water balance credits missing transpiration (flag water_conservation_low_et; check the ecosystem type, e.g. a clear-cut)</source>
        <translation>水源涵养：%1 个地块的蒸散发低于同类生态系统中位数的 %2 %，水量平衡把缺失的蒸腾计为涵养水量（标记 water_conservation_low_et；请核查生态系统类型，例如采伐迹地）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 more reasons</source>
        <translation>另有 %1 条原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped %1 on %2 parcels (see skipped.csv): %3</source>
        <translation>%2 个地块跳过了 %1（见 skipped.csv）：%3</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>scenario GEP %1 CNY/a, difference %2 CNY/a</source>
        <translation>情景 GEP %1 元/年，差值 %2 元/年</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the ledger check failed: %1 of %2 check(s); each is listed in %3</source>
        <translation>台账核对未通过：%2 项核对中有 %1 项不符；各项详见 %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ledger check: all %1 check(s) passed (%2)</source>
        <translation>台账核对：全部 %1 项核对均已通过（%2）</translation>
    </message>
</context>
<context>
    <name>GepEcosystem</name>
    <message>
        <location filename="../app/report/ResultChartData.cpp" line="+183"/>
        <source>evergreen broadleaf forest</source>
        <translation>常绿阔叶林</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>coniferous forest</source>
        <translation>针叶林</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>eucalyptus plantation</source>
        <translation>桉树人工林</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shrubland</source>
        <translation>灌木林</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clear-cut / sparse forest</source>
        <translation>采伐迹地/疏林地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paddy field</source>
        <translation>水田</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dry cropland</source>
        <translation>旱地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>orchard</source>
        <translation>园地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>grassland</source>
        <translation>草地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>freshwater marsh</source>
        <translation>淡水沼泽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mangrove</source>
        <translation>红树林</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tidal flat</source>
        <translation>滩涂</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>water</source>
        <translation>水体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>built-up land</source>
        <translation>建设用地</translation>
    </message>
</context>
<context>
    <name>LayoutText</name>
    <message>
        <location filename="../render/MapLayout.cpp" line="+254"/>
        <source>Coordinate reference system: unknown</source>
        <translation>坐标参考系：未知</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Coordinate reference system: %1</source>
        <translation>坐标参考系：%1</translation>
    </message>
    <message>
        <location line="+313"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>… and %1 more entries</source>
        <translation>……另有 %1 项</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>%1: unknown map format &quot;%2&quot;; use .png, .pdf or .svg</source>
        <translation>%1：未知的地图格式“%2”；请使用 .png、.pdf 或 .svg</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1: the map could not be encoded</source>
        <translation>%1：无法编码地图</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1: the atlas has no page</source>
        <translation>%1：图集没有任何页面</translation>
    </message>
</context>
<context>
    <name>MapCommand</name>
    <message>
        <location filename="../app/cli/MapCommand.cpp" line="+26"/>
        <source>Exports a map of a project as PNG, PDF (vector) or SVG: title, the map, a legend of the classes
drawn, scale bar, north arrow, CRS, data source and date notes, optionally an overview inset and a
coordinate grid (layouts section of the project file, docs/maps.md).

Without --layout: land cover of the last date (or of --date) under the parcel outlines and the
districts, A4 landscape, titled with the project&apos;s name.

--atlas LAYER makes one page per feature of the polygon layer LAYER (e.g. districts), the map
fitted to the feature and its name in the title: one multi-page PDF, or one PNG / SVG per feature
(out_&lt;name&gt;.png).

Example:
  tanhui-cli map --project sample/project.tanhui.json --lang zh_CN --out landcover.png
  tanhui-cli map --project sample/project.tanhui.json --atlas districts --out districts.pdf</source>
        <translation>将项目地图导出为 PNG、PDF（矢量）或 SVG：标题、地图、所绘类别的图例、比例尺、指北针、
坐标参考系、数据来源与日期说明，可选鹰眼图和坐标格网（项目文件的 layouts 部分，docs/maps.md）。

不指定 --layout 时：最新年份（或 --date 指定年份）的土地覆被，叠加地块边界和行政区，
A4 横向，以项目名称为标题。

--atlas LAYER 为面图层 LAYER（如 districts）的每个要素各出一页，地图缩放到该要素，
标题中含其名称：输出一个多页 PDF，或每个要素一个 PNG / SVG（out_&lt;名称&gt;.png）。

示例：
  tanhui-cli map --project sample/project.tanhui.json --lang zh_CN --out landcover.png
  tanhui-cli map --project sample/project.tanhui.json --atlas districts --out districts.pdf</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Project file (project.tanhui.json).</source>
        <translation>项目文件（project.tanhui.json）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Name of a layout of the project&apos;s layouts section.</source>
        <translation>项目 layouts 部分中某个布局的名称。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Map this year: dated layers are swapped for that year&apos;s.</source>
        <translation>制作该年份的地图：带日期的图层换成该年份的图层。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YEAR</source>
        <translation>年份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language of the map&apos;s text: zh_CN or en (default: the interface language).</source>
        <translation>地图文字的语言：zh_CN 或 en（默认：界面语言）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LANG</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output file: .png, .pdf or .svg.</source>
        <translation>输出文件：.png、.pdf 或 .svg。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolution in dots per inch, 36 to 1200 (default: the layout&apos;s, else 150).</source>
        <translation>分辨率（每英寸点数），36 至 1200（默认：布局中的设置，否则为 150）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One page per feature of this polygon layer (layer id).</source>
        <translation>为该面图层（图层 ID）的每个要素各出一页。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LAYER</source>
        <translation>图层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print nothing but errors.</source>
        <translation>只输出错误信息。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--out %1: unknown map format; the file name must end in .png, .pdf or .svg</source>
        <translation>--out %1：未知的地图格式；文件名必须以 .png、.pdf 或 .svg 结尾</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--lang %1: use zh_CN or en</source>
        <translation>--lang %1：请使用 zh_CN 或 en</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--date %1: a year is needed, e.g. 2024</source>
        <translation>--date %1：需要一个年份，例如 2024</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--dpi %1: a number from 36 to 1200 is needed</source>
        <translation>--dpi %1：需要 36 至 1200 之间的数字</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--out %1: the folder %2 does not exist</source>
        <translation>--out %1：文件夹 %2 不存在</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--layout %1: the project has no such layout (it has: %2)</source>
        <translation>--layout %1：项目中没有该布局（现有布局：%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--atlas %1: the project has no such layer</source>
        <translation>--atlas %1：项目中没有该图层</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>wrote %1 (%2 s)</source>
        <translation>已写出 %1（%2 秒）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cancelled; %1 is unchanged</source>
        <translation>已取消；%1 未改动</translation>
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
        <location line="+63"/>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location line="-62"/>
        <location line="+63"/>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <location line="-61"/>
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
        <location line="+65"/>
        <source>Extent</source>
        <translation>范围</translation>
    </message>
    <message>
        <location line="-64"/>
        <location line="+61"/>
        <source>CRS</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+61"/>
        <source>CRS problem</source>
        <translation>坐标参考系问题</translation>
    </message>
    <message>
        <location line="-60"/>
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
        <location line="+5"/>
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
        <location filename="../models/gep/GepProject.cpp" line="+314"/>
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
        <location line="+19"/>
        <source>product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../models/carbon/BlueCarbon.cpp" line="-1091"/>
        <location filename="../models/carbon/PoolMethod.cpp" line="-125"/>
        <location filename="../models/carbon/RegressionMethod.cpp" line="-500"/>
        <location filename="../models/gep/GepProject.cpp" line="+1"/>
        <location filename="../models/gep/GepTables.cpp" line="-498"/>
        <source>land-cover code</source>
        <translation>土地覆盖代码</translation>
    </message>
    <message>
        <location filename="../models/gep/GepProject.cpp" line="+1"/>
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
        <location line="+16"/>
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
        <location filename="../models/carbon/GainLossMethod.cpp" line="-178"/>
        <source>forest type</source>
        <translation>森林类型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>above-ground net biomass growth</source>
        <translation>地上净生物量生长量</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>standard deviation of the growth</source>
        <translation>生长量标准差</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>fraction of the biomass lost in a disturbance (fd)</source>
        <translation>干扰中损失的生物量比例（fd）</translation>
    </message>
    <message>
        <location filename="../models/carbon/BlueCarbon.cpp" line="+6"/>
        <source>initial biomass carbon stock</source>
        <translation>初始生物量碳储量</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>initial soil carbon stock</source>
        <translation>初始土壤碳储量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>initial litter carbon stock</source>
        <translation>初始凋落物碳储量</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>biomass half-life (0 = no emissions)</source>
        <translation>生物量半衰期（0 = 不排放）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>soil half-life (0 = no emissions)</source>
        <translation>土壤半衰期（0 = 不排放）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>biomass share disturbed, low impact</source>
        <translation>低强度扰动的生物量扰动比例</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>biomass share disturbed, medium impact</source>
        <translation>中强度扰动的生物量扰动比例</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>biomass share disturbed, high impact</source>
        <translation>高强度扰动的生物量扰动比例</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>soil share disturbed, low impact</source>
        <translation>低强度扰动的土壤扰动比例</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>soil share disturbed, medium impact</source>
        <translation>中强度扰动的土壤扰动比例</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>soil share disturbed, high impact</source>
        <translation>高强度扰动的土壤扰动比例</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>biomass yearly accumulation</source>
        <translation>生物量年累积量</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>soil yearly accumulation</source>
        <translation>土壤年累积量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>litter yearly accumulation</source>
        <translation>凋落物年累积量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>biomass stock where accumulation stops</source>
        <translation>生物量累积停止时的碳储量</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>soil stock where accumulation stops</source>
        <translation>土壤累积停止时的碳储量</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>climate zone</source>
        <translation>气候区</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tier 1 above-ground biomass stock</source>
        <translation>Tier 1 地上生物量储量</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>above-ground biomass growth</source>
        <translation>地上生物量生长量</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../models/carbon/GainLossMethod.cpp" line="-23"/>
        <location filename="../models/carbon/PoolMethod.cpp" line="+1"/>
        <source>root-to-shoot ratio</source>
        <translation>根茎比</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../models/carbon/GainLossMethod.cpp" line="+2"/>
        <location filename="../models/carbon/PoolMethod.cpp" line="+2"/>
        <location filename="../models/carbon/RegressionMethod.cpp" line="+34"/>
        <source>carbon fraction of dry matter</source>
        <translation>干物质含碳率</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>natural soil organic carbon stock</source>
        <translation>自然土壤有机碳储量</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>soil emission factor after revegetation (negative = removal)</source>
        <translation>植被恢复后的土壤排放因子（负值 = 清除）</translation>
    </message>
    <message>
        <location filename="../models/carbon/PoolMethod.cpp" line="+5"/>
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
        <location line="+12"/>
        <source>annual price change</source>
        <translation>年价格变化率</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>land-cover year</source>
        <translation>土地覆盖年份</translation>
    </message>
    <message>
        <location filename="../models/params/Parameter.cpp" line="+52"/>
        <source>verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>secondary</source>
        <translation>二手来源</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unconfirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>example</source>
        <translation>示例</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user</source>
        <translation>用户提供</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location line="+33"/>
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
        <source>%1 is %2 %3; it must be at least %4 %3</source>
        <translation>%1 为 %2 %3；不得小于 %4 %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is %2 %3; it must be at most %4 %3</source>
        <translation>%1 为 %2 %3；不得大于 %4 %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is %2 %3, outside the valid range %4 to %5 %3</source>
        <translation>%1 为 %2 %3，超出有效范围 %4 至 %5 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is %2 %3, outside the usual range %4 to %5 %3: accepted, but check it for a unit or sign mistake</source>
        <translation>%1 为 %2 %3，超出常见范围 %4 至 %5 %3：可以接受，但请检查单位或正负号是否有误</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is %2 %; percentages are written as percent (7 means 7 %), so %2 looks like a fraction (did you mean %3?)</source>
        <translation>%1 为 %2 %；百分比按百分数填写（7 表示 7 %），因此 %2 看起来像小数（是否应为 %3？）</translation>
    </message>
    <message>
        <location filename="../models/gep/GepTables.cpp" line="-62"/>
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
        <location line="+31"/>
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
        <location line="+122"/>
        <source>price year</source>
        <translation>价格年份</translation>
    </message>
    <message>
        <location line="-101"/>
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
        <location line="+19"/>
        <source>constant</source>
        <translation>常数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>RUSLE slope length</source>
        <translation>RUSLE 坡长</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>days with air conditioning</source>
        <translation>空调使用天数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sea-wall construction cost</source>
        <translation>海堤建设成本</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>sea-wall design life</source>
        <translation>海堤设计使用年限</translation>
    </message>
    <message>
        <location line="+33"/>
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
        <location line="+7"/>
        <source>consumer price index, previous year = 100</source>
        <translation>居民消费价格指数（上年=100）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>construction cost index, previous year = 100</source>
        <translation>建设成本指数（上年=100）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>market price index, previous year = 100</source>
        <translation>市场价格指数（上年=100）</translation>
    </message>
    <message>
        <location filename="../models/params/Parameter.cpp" line="+1"/>
        <source>years out of order: %1 comes after %2; dates must be given from the earliest to the latest, each year once</source>
        <translation>年份顺序错误：%1 排在 %2 之后；日期必须从最早到最晚给出，每个年份只出现一次</translation>
    </message>
    <message>
        <location filename="../models/params/ParameterTable.cpp" line="+138"/>
        <location line="+440"/>
        <source>cannot open the table: %1</source>
        <translation>无法打开表格：%1</translation>
    </message>
    <message>
        <location line="-427"/>
        <source>the file is not UTF-8 (e.g. GBK saved by Excel as plain CSV); numbers are read, but Chinese text may be garbled: save it as &quot;CSV UTF-8&quot;</source>
        <translation>文件不是 UTF-8 编码（例如 Excel 以普通 CSV 保存的 GBK）；数值可以读取，但中文文本可能乱码：请另存为“CSV UTF-8”</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+432"/>
        <source>a quoted field is not closed (missing &apos;&quot;&apos;)</source>
        <translation>带引号的字段未闭合（缺少 &apos;&quot;&apos;）</translation>
    </message>
    <message>
        <location line="-428"/>
        <source>the table is empty: a header row with the column %1 is expected</source>
        <translation>表格为空：应有包含 %1 列的表头行</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+20"/>
        <source>the key column %1 is missing (columns found: %2)</source>
        <translation>缺少键列 %1（已找到的列：%2）</translation>
    </message>
    <message>
        <location line="+25"/>
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
        <location line="+14"/>
        <source>the key column %1 is empty</source>
        <translation>键列 %1 为空</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&apos;%1&apos; contains &apos;|&apos;, which separates the parts of a key</source>
        <translation>&apos;%1&apos; 含有用于分隔键各部分的 &apos;|&apos;</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>unknown tag &apos;%1&apos;; use verified, secondary, unconfirmed, example or user</source>
        <translation>未知标签“%1”；请使用 verified、secondary、unconfirmed、example 或 user</translation>
    </message>
    <message>
        <location line="-190"/>
        <source>the columns are separated by &apos;%1&apos;, not by commas; save the table as comma-separated CSV</source>
        <translation>各列以“%1”分隔，而不是逗号；请将表格另存为逗号分隔的 CSV</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the column %1 (%2, %3) is missing; add it to the header row (columns found: %4)</source>
        <translation>缺少列 %1（%2，%3）；请在表头行中添加该列（现有列：%4）</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>the %1 %2 appears more than once (first in row %3); keep one row per key</source>
        <translation>%1 %2 出现了不止一次（首次出现在第 %3 行）；每个键只保留一行</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the value is empty; a number in %1 is expected</source>
        <translation>数值为空；应填写以 %1 为单位的数值</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;%1&apos; is not a number: write the value without the %-sign, in %2</source>
        <translation>“%1”不是数字：请去掉百分号，以 %2 为单位填写数值</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; is not a number (%2 expected)</source>
        <translation>“%1”不是数值（应为以 %2 为单位的数值）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>negative value %1 %2: %3 cannot be negative</source>
        <translation>负值 %1 %2：%3 不能为负</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 %2 is outside the valid range %3 to %4 %2; it looks like a percent: write the fraction %5</source>
        <translation>%1 %2 超出有效范围 %3 至 %4 %2；看起来填的是百分数：请填写小数 %5</translation>
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
        <location line="+19"/>
        <source>%1, row %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the table has a header but no rows; add one row per %1</source>
        <translation>表格只有表头、没有数据行；请为每个%1添加一行</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>every value of this percent column lies between -1 and 1; it looks like fractions (0.07) were given where percent (7) is expected</source>
        <translation>该百分比列的所有数值都在 -1 到 1 之间；似乎应填百分数（7）的地方填了小数（0.07）</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 present in %2 but missing from the table (%3 in all): %4</source>
        <translation>%2 中存在但表中缺少的 %1（共 %3 个）：%4</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>unknown %1 &apos;%2&apos;; known: %3</source>
        <translation>未知的 %1“%2”；已知：%3</translation>
    </message>
    <message>
        <location filename="../models/carbon/SoilMethod.cpp" line="-541"/>
        <source>climate zone and soil class</source>
        <translation>气候区和土壤类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reference soil organic carbon stock, 0–30 cm</source>
        <translation>参考土壤有机碳储量（0–30 cm）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>climate zone, factor and level</source>
        <translation>气候区、因子和水平</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stock-change factor</source>
        <translation>储量变化因子</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>time dependence of the factor (D)</source>
        <translation>因子的时间依赖期（D）</translation>
    </message>
    <message>
        <location filename="../models/carbon/RegressionMethod.cpp" line="-56"/>
        <source>hysteresis of the R class rule</source>
        <translation>R 分级规则的滞后宽度</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>regression coefficient a</source>
        <translation>回归系数 a</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>regression coefficient b</source>
        <translation>回归系数 b</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>residual variance of the log model (Baskerville)</source>
        <translation>对数模型残差方差（Baskerville）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Duan smearing factor</source>
        <translation>Duan 平滑（smearing）因子</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>AGB cap (training maximum)</source>
        <translation>AGB 上限（训练样本最大值）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>root-to-shoot ratio, AGB ≤ 125 t/ha</source>
        <translation>根茎比，AGB ≤ 125 t/ha</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>root-to-shoot ratio, AGB &gt; 125 t/ha</source>
        <translation>根茎比，AGB &gt; 125 t/ha</translation>
    </message>
    <message>
        <location filename="../models/uncertainty/UncertainParameters.cpp" line="+194"/>
        <source>run-wide default uncertainty (95 % half-width)</source>
        <translation>全局默认不确定度（95 % 置信区间半宽）</translation>
    </message>
</context>
<context>
    <name>ParcelNote</name>
    <message>
        <location filename="../app/common/MessageText.cpp" line="+19"/>
        <source>Self-intersection</source>
        <translation>自相交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ring Self-intersection</source>
        <translation>环自相交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hole lies outside shell</source>
        <translation>内环位于外环之外</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holes are nested</source>
        <translation>内环相互嵌套</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interior is disconnected</source>
        <translation>内部不连通</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nested shells</source>
        <translation>外环相互嵌套</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate Rings</source>
        <translation>重复的环</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too few points in geometry component</source>
        <translation>几何部件的点数过少</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid Coordinate</source>
        <translation>无效坐标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ring is not closed</source>
        <translation>环未闭合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeated Point</source>
        <translation>重复点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topology Validation Error</source>
        <translation>拓扑检查错误</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>null geometry</source>
        <translation>几何为空值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty geometry</source>
        <translation>空几何</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no polygonal part</source>
        <translation>没有面状部分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid</source>
        <translation>几何无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>repaired with MakeValid</source>
        <translation>已用 MakeValid 修复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>repair left no polygon</source>
        <translation>修复后没有留下多边形</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a latitude beyond ±90° or a coordinate that is not a number: the layer&apos;s coordinates are not the degrees of its CRS (assign the right CRS, e.g. --parcels-crs)</source>
        <translation>纬度超出 ±90° 或坐标不是数字：图层坐标不是其坐标参照系的经纬度（请指定正确的坐标参照系，例如 --parcels-crs）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 at %2</source>
        <translation>%1，位于 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unreadable geometry: %1</source>
        <translation>无法读取的几何：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a polygon (%1)</source>
        <translation>不是多边形（%1）</translation>
    </message>
</context>
<context>
    <name>PlanCommand</name>
    <message>
        <location filename="../app/cli/PlanCommand.cpp" line="+26"/>
        <source>A restoration plan of the project (its &quot;plans&quot; section) against the baseline: the plan&apos;s
parcels take the target ecosystem type from the start year on (mangrove: the restoration
accrual of carbon-methods.md §4 with planting year = start year; forest types: a young planting
growing at the Tier 1 rate of §3.2), compared with the baseline at the plan&apos;s horizon year
(horizon_year, default the latest start year + 10). The baseline keeps its stock of the last
carbon date (docs/carbon-project.md, &quot;Restoration plans&quot;).
Outputs in --out DIR: plan_parcels.csv (difference per parcel and pool, t C and t CO2e, with
95 % bounds), plan_totals.csv (by pool and in total, bounds from per-iteration sums),
plan_settings.csv and resultset.json.
With --gep (needs --carbon-results): the plan&apos;s GEP against the baseline&apos;s, the project&apos;s GEP
account valuing each planted parcel with the target type and the baseline&apos;s carbon flux plus the
planting&apos;s mean accrual: plan_gep_parcels.csv (CNY/a per parcel and service, bounds) and
plan_gep_services.csv (per service and in total, bounds from per-iteration sums).</source>
        <translation>项目的恢复规划（其 &quot;plans&quot; 部分）与基线对比：规划地块自起始年起采用目标生态系统类型
（红树林：carbon-methods.md §4 的恢复累积，种植年 = 起始年；森林类型：按 §3.2 的 Tier 1
速率生长的幼林），在规划的目标年（horizon_year，默认最晚起始年 + 10）与基线比较。
基线保持最后碳日期的储量（docs/carbon-project.md，&quot;Restoration plans&quot;）。
--out DIR 中的输出：plan_parcels.csv（各地块、各碳库的差值，t C 与 t CO2e，含 95 % 区间）、
plan_totals.csv（按碳库及合计，区间来自逐次迭代的合计）、plan_settings.csv 与 resultset.json。
使用 --gep（需要 --carbon-results）：规划的 GEP 与基线 GEP 对比，由项目的 GEP 核算以目标类型
及基线碳通量加上种植的年均累积量对每个规划地块估值：plan_gep_parcels.csv（各地块、各服务的
元/年，含区间）与 plan_gep_services.csv（按服务及合计，区间来自逐次迭代的合计）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Project file (project.tanhui.json).</source>
        <translation>项目文件（project.tanhui.json）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name of a plan of the project&apos;s &quot;plans&quot; section.</source>
        <translation>项目“plans”部分中某个规划的名称。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output folder (created if missing).</source>
        <translation>输出文件夹（不存在时自动创建）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <source>DIR</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>The baseline&apos;s carbon result set (tanhui-cli carbon --project --out DIR): fills the baseline type and the baseline and plan stocks.</source>
        <translation>基线的碳结果集（tanhui-cli carbon --project --out DIR）：用于填写基线类型以及基线和规划的碳储量。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Also value the plan&apos;s GEP against the baseline&apos;s (the project&apos;s gep section).</source>
        <translation>同时核算规划的 GEP 并与基线 GEP 对比（使用项目的 gep 设置）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No progress bar and no summary.</source>
        <translation>不显示进度条和汇总。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>plan %1: %2 parcel(s), horizon %3 (baseline kept from %4)</source>
        <translation>规划 %1：%2 个地块，评估年 %3（基线自 %4 年起保持不变）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>difference %1: %2 t C</source>
        <translation>差值 %1：%2 t C</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>difference total: %1 t C (95 % interval %2 to %3 t C)</source>
        <translation>差值合计：%1 t C（95 % 区间 %2 至 %3 t C）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>difference total: %1 t C (no bounds)</source>
        <translation>差值合计：%1 t C（无置信区间）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GEP (accounting year %1): baseline %2 CNY/a, plan %3 CNY/a</source>
        <translation>GEP（核算年 %1）：基线 %2 元/年，规划 %3 元/年</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>GEP difference %1: %2 CNY/a</source>
        <translation>GEP 差值 %1：%2 元/年</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GEP difference total: %1 CNY/a (95 % interval %2 to %3 CNY/a)</source>
        <translation>GEP 差值合计：%1 元/年（95 % 区间 %2 至 %3 元/年）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>GEP difference total: %1 CNY/a (no bounds)</source>
        <translation>GEP 差值合计：%1 元/年（无区间）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>wrote %1</source>
        <translation>已写出 %1</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <location filename="../models/plans/PlanRun.cpp" line="+83"/>
        <source>the target type &apos;%1&apos; has no method in carbon.methods (known types: %2)</source>
        <translation>目标类型“%1”在 carbon.methods 中没有核算方法（已有类型：%2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the target type &apos;%1&apos; cannot be planted: a plan plants types computed by bluecarbon (restoration, carbon-methods.md §4) or by a forest method (gainloss, volume_gainloss, volume, regression: growth, §3.2)</source>
        <translation>目标类型“%1”无法用于种植：规划只能种植由 bluecarbon（修复，carbon-methods.md §4）或森林方法（gainloss、volume_gainloss、volume、regression：生长，§3.2）核算的类型</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the start year %1 is before the first carbon year %2; plan from %2 on</source>
        <translation>起始年 %1 早于第一个碳核算年份 %2；请从 %2 年起规划</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the horizon year %1 is not after the start year %2 of changes[%3]; set a later horizon_year</source>
        <translation>评估年 %1 不晚于 changes[%3] 的起始年 %2；请设置更晚的 horizon_year</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&apos;%1&apos; is not a row of the growth table %2 (rows: %3)</source>
        <translation>“%1”不是生长率表 %2 中的行（已有行：%3）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&apos;%1&apos; is not a parcel layer of the project&apos;s carbon run (parcel layers: %2)</source>
        <translation>“%1”不是项目碳核算的地块图层（地块图层：%2）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the plan layer &apos;%1&apos; does not exist (%2)</source>
        <translation>规划图层“%1”不存在（%2）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read the parcels of &apos;%1&apos;: %2</source>
        <translation>无法读取“%1”的地块：%2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>parcel %1 of %2 is also in %3; a parcel takes one target</source>
        <translation>%2 的地块 %1 也出现在 %3 中；一个地块只能有一个目标类型</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 parcel id(s) are not values of the id field &apos;%2&apos; of layer %3: %4</source>
        <translation>%1 个地块编号不是图层 %3 的编号字段“%2”中的值：%4</translation>
    </message>
    <message>
        <location line="+523"/>
        <source>the project has no plan named &apos;%1&apos; (plans: %2)</source>
        <translation>项目中没有名为“%1”的规划（已有规划：%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>the Wetlands Supplement table has no row for climate &apos;%1&apos; (carbon.methods.%2 option climate)</source>
        <translation>《湿地增补指南》参数表中没有气候带“%1”的行（carbon.methods.%2 的 climate 选项）</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&apos;%1&apos; is not a row of the growth table %2</source>
        <translation>“%1”不是生长率表 %2 中的行</translation>
    </message>
    <message>
        <location line="-177"/>
        <source>%1 value(s) have no uncertainty in the table and no default (--default-uncertainty): treated as exact, so the bounds leave them out: %2</source>
        <translation>%1 个参数值在表中没有不确定性且未给出默认值（--default-uncertainty）：按精确值处理，置信区间不包含其不确定性：%2</translation>
    </message>
    <message>
        <location line="-258"/>
        <source>the plan&apos;s parcels come from layers in different CRSs: plan_parcels has no geometry (no difference map)</source>
        <translation>规划地块来自坐标参考系不同的图层：plan_parcels 不含几何（无差值地图）</translation>
    </message>
    <message>
        <location filename="../models/plans/PlanGep.cpp" line="+67"/>
        <source>the GEP of a plan needs the baseline&apos;s carbon result set (tanhui-cli plan --carbon-results DIR): its carbon flux is the baseline the plan adds to</source>
        <translation>规划的 GEP 需要基线的碳结果集（tanhui-cli plan --carbon-results DIR）：规划在其碳通量之上叠加</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>the target type &apos;%1&apos; has no row in the GEP ecosystem table (gep/ecosystem_params: its column types); add it to value the plan&apos;s GEP</source>
        <translation>目标类型“%1”在 GEP 生态系统表中没有对应行（gep/ecosystem_params 的 types 列）；请添加后再核算规划的 GEP</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 parcel(s) of plan layers are not parcels of the GEP run: their GEP difference is not valued</source>
        <translation>规划图层中的 %1 个地块不是 GEP 核算的地块：不核算其 GEP 差值</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../app/common/MessageText.cpp" line="+10"/>
        <source>Reading and checking parcels</source>
        <translation>读取并检查地块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zonal statistics</source>
        <translation>分区统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigning parcels to zones</source>
        <translation>将地块分配到分区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removing overlaps of parcel layers</source>
        <translation>扣除地块图层间的重叠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monte Carlo</source>
        <translation>蒙特卡洛模拟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monte Carlo totals</source>
        <translation>蒙特卡洛汇总</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>land-use change</source>
        <translation>土地利用变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>carbon per cell</source>
        <translation>逐像元计算碳储量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checking land-cover codes</source>
        <translation>检查土地覆盖代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>land-cover transitions</source>
        <translation>土地覆盖转移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>volume method</source>
        <translation>蓄积量法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forest route</source>
        <translation>森林储量推算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>soil method</source>
        <translation>土壤方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>density raster</source>
        <translation>碳密度栅格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>writing</source>
        <translation>写出结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checking inputs</source>
        <translation>检查输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>biomass and carbon per cell</source>
        <translation>逐像元计算生物量和碳储量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>blue carbon Monte Carlo</source>
        <translation>蓝碳蒙特卡洛模拟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>blue carbon Tier 1</source>
        <translation>蓝碳 Tier 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>blue carbon per cell</source>
        <translation>逐像元计算蓝碳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LS</source>
        <translation>坡长坡度因子 LS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building the landscape</source>
        <translation>生成景观</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing rasters</source>
        <translation>写出栅格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building overviews</source>
        <translation>生成金字塔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing parcel layers</source>
        <translation>写出地块图层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing farmland plots</source>
        <translation>写出耕地地块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing wetland units</source>
        <translation>写出湿地单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copying parameter tables</source>
        <translation>复制参数表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>ProjectFile</name>
    <message>
        <location filename="../models/project/Project.cpp" line="+36"/>
        <location filename="../models/project/ProjectAnalyses.cpp" line="+20"/>
        <location filename="../models/project/ProjectResults.cpp" line="+22"/>
        <source>Project file %1: %2</source>
        <translation>项目文件 %1：%2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&quot;carbon&quot; must be a JSON object</source>
        <translation>“carbon”必须是 JSON 对象</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>carbon.%1 is not a known key (known: grouping, land_use_change, layers, methods, parameters, precedence, uncertainty, valuation, years)</source>
        <translation>carbon.%1 不是可识别的键（可用：grouping、land_use_change、layers、methods、parameters、precedence、uncertainty、valuation、years）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>carbon.years must be an array of years, e.g. [2015, 2024]</source>
        <translation>carbon.years 必须是年份数组，例如 [2015, 2024]</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>carbon.years must hold whole numbers (years), not %1</source>
        <translation>carbon.years 只能包含整数（年份），而不是 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+3"/>
        <source>carbon.layers must be an array of objects</source>
        <translation>carbon.layers 必须是对象数组</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>carbon.layers[%1] has no &quot;layer&quot; (a vector layer id)</source>
        <translation>carbon.layers[%1] 缺少“layer”（矢量图层 id）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>carbon.methods must be an object: ecosystem type → {&quot;method&quot;: name, options...}</source>
        <translation>carbon.methods 必须是对象：生态系统类型 → {&quot;method&quot;: 方法名, 选项...}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1.%2 must be a string or a number</source>
        <translation>%1.%2 必须是字符串或数字</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 must be a method name, an object with &quot;method&quot; or a list of them</source>
        <translation>%1 必须是方法名、含“method”的对象，或它们组成的列表</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is an empty list; give at least one method</source>
        <translation>%1 是空列表；请至少给出一种方法</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>carbon.grouping must be an object with &quot;name&quot; and &quot;layer&quot; or &quot;field&quot;</source>
        <translation>carbon.grouping 必须是含“name”以及“layer”或“field”的对象</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>carbon.valuation must be an object with &quot;price&quot;, &quot;discount&quot;, &quot;price_change&quot;</source>
        <translation>carbon.valuation 必须是含“price”“discount”“price_change”的对象</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>carbon.valuation.%1 must be a number</source>
        <translation>carbon.valuation.%1 必须是数字</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>carbon.parameters must be an object: role → parameter table name</source>
        <translation>carbon.parameters 必须是对象：角色 → 参数表名称</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>carbon.precedence must be an array of layer ids, highest precedence first, e.g. [&quot;restoration&quot;, &quot;wetlands&quot;, &quot;xiaoban&quot;, &quot;farmland&quot;]</source>
        <translation>carbon.precedence 必须是图层 ID 数组，优先级最高的在前，例如 [&quot;restoration&quot;, &quot;wetlands&quot;, &quot;xiaoban&quot;, &quot;farmland&quot;]</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>carbon.precedence must hold layer ids (strings)</source>
        <translation>carbon.precedence 只能包含图层 ID（字符串）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>carbon.uncertainty must be an object with &quot;iterations&quot;, &quot;seed&quot;, &quot;default_u_pct&quot; (e.g. {&quot;iterations&quot;: 1000, &quot;seed&quot;: 42})</source>
        <translation>carbon.uncertainty 必须是含“iterations”“seed”“default_u_pct”的对象（例如 {&quot;iterations&quot;: 1000, &quot;seed&quot;: 42}）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>carbon.uncertainty.%1 is not a known key (known: default_u_pct, iterations, seed)</source>
        <translation>carbon.uncertainty.%1 不是可识别的键（可用：default_u_pct、iterations、seed）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>carbon.uncertainty.%1 must be a number</source>
        <translation>carbon.uncertainty.%1 必须是数字</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>carbon.land_use_change must be an array of rules, e.g. [{&quot;type&quot;: &quot;settlement&quot;, &quot;classes&quot;: [61], &quot;min_share&quot;: 0.5}]</source>
        <translation>carbon.land_use_change 必须是规则数组，例如 [{&quot;type&quot;: &quot;settlement&quot;, &quot;classes&quot;: [61], &quot;min_share&quot;: 0.5}]</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 must be an object with &quot;type&quot;, &quot;classes&quot;, &quot;min_share&quot;</source>
        <translation>%1 必须是包含 &quot;type&quot;、&quot;classes&quot;、&quot;min_share&quot; 的对象</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1.%2 is not a known key (known: classes, min_share, type)</source>
        <translation>%1.%2 不是可识别的键（可用：classes、min_share、type）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1.type must be an ecosystem type name, e.g. &quot;settlement&quot;</source>
        <translation>%1.type 必须是生态系统类型名称，例如 &quot;settlement&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1.classes must be an array of land-cover codes, e.g. [61]</source>
        <translation>%1.classes 必须是土地覆盖代码数组，例如 [61]</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1.classes must hold whole land-cover codes</source>
        <translation>%1.classes 必须是整数形式的土地覆盖代码</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1.min_share must be a number (a share, 0–1)</source>
        <translation>%1.min_share 必须是数字（比例，0–1）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&quot;gep&quot; must be a JSON object</source>
        <translation>“gep”必须是 JSON 对象</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>gep.%1 is not a known key (known: %2)</source>
        <translation>gep.%1 不是可识别的键（可用：%2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>gep.%1 must be a non-empty text</source>
        <translation>gep.%1 必须是非空文本</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>gep.%1 must be a number from %2 to %3 %4</source>
        <translation>gep.%1 必须是 %2 至 %3 %4 之间的数字</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>gep.climate_variant must be &quot;s1&quot; or &quot;cop&quot; (gep-methods.md §4.10), not &quot;%1&quot;</source>
        <translation>gep.climate_variant 必须是“s1”或“cop”（gep-methods.md §4.10），而不是“%1”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>gep.price_year must be a whole year, not %1</source>
        <translation>gep.price_year 必须是整数年份，而不是 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>gep.deflators needs gep.price_year (gep-methods.md §5.3)</source>
        <translation>gep.deflators 需要同时给出 gep.price_year（gep-methods.md §5.3）</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>&quot;layouts&quot; must be a JSON array of layout objects</source>
        <translation>“layouts”必须是由布局对象组成的 JSON 数组</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>layouts[%1] must be a JSON object</source>
        <translation>layouts[%1] 必须是 JSON 对象</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>layouts[%1]</source>
        <translation>layouts[%1]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>layouts[%1] (&quot;%2&quot;)</source>
        <translation>layouts[%1]（“%2”）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1.name must be a non-empty text</source>
        <translation>%1.name 必须是非空文本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1.name: another layout is already named &quot;%2&quot;</source>
        <translation>%1.name：已有另一个布局名为“%2”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1.%2 is not a known key (known: %3)</source>
        <translation>%1.%2 不是可识别的键（可用键：%3）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1.%2 must be a text</source>
        <translation>%1.%2 必须是文本</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1.%2 must be true or false</source>
        <translation>%1.%2 必须为 true 或 false</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1.%2 must be a number from %3 to %4 %5</source>
        <translation>%1.%2 必须是 %3 至 %4 %5 之间的数字</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+3"/>
        <source>%1.layers must be an array of layer ids</source>
        <translation>%1.layers 必须是图层 ID 数组</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1.extent must be &quot;full&quot; or [xmin, ymin, xmax, ymax] in the project CRS with xmax &gt; xmin and ymax &gt; ymin</source>
        <translation>%1.extent 必须为“full”或项目坐标系下的 [xmin, ymin, xmax, ymax]，且 xmax &gt; xmin、ymax &gt; ymin</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1.date must be a whole year, not %2</source>
        <translation>%1.date 必须是整数年份，而不是 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1.page must be one of %2, not &quot;%3&quot;</source>
        <translation>%1.page 必须是 %2 之一，而不是“%3”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1.orientation must be &quot;landscape&quot; or &quot;portrait&quot;, not &quot;%2&quot;</source>
        <translation>%1.orientation 必须为“landscape”（横向）或“portrait”（纵向），而不是“%2”</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1.atlas must be an object {&quot;layer&quot;: coverage layer id, &quot;field&quot;: page name field (optional)}</source>
        <translation>%1.atlas 必须是对象 {&quot;layer&quot;: 覆盖图层 ID, &quot;field&quot;: 页名字段（可选）}</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Cannot open the project file %1: %2</source>
        <translation>无法打开项目文件 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The project file %1 is not valid JSON (at byte %2: %3)</source>
        <translation>项目文件 %1 不是有效的 JSON（第 %2 字节：%3）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the top level must be a JSON object</source>
        <translation>顶层必须是 JSON 对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;format&quot; must be &quot;tanhui-project&quot;</source>
        <translation>“format”必须是“tanhui-project”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;version&quot; is missing or not a positive whole number</source>
        <translation>缺少“version”或它不是正整数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>version %1 is newer than this Tanhui understands (%2); update Tanhui</source>
        <translation>版本 %1 高于本版 Tanhui 支持的版本（%2）；请升级 Tanhui</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>null</source>
        <translation>null（空值）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>true/false</source>
        <translation>true/false（布尔值）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1&quot;%2&quot; must be a text, not %3</source>
        <translation>%1&quot;%2&quot; 必须是文本，而不是%3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1&quot;%2&quot; must be a whole number, not %3</source>
        <translation>%1&quot;%2&quot; 必须是整数，而不是%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the text &quot;%1&quot;</source>
        <translation>文本 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1&quot;%2&quot; must be an object of texts, not %3</source>
        <translation>%1&quot;%2&quot; 必须是由文本组成的对象，而不是%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1&quot;%2&quot;.&quot;%3&quot; must be a text, not %4</source>
        <translation>%1&quot;%2&quot;.&quot;%3&quot; 必须是文本，而不是%4</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; must be an array of objects, not %2</source>
        <translation>&quot;%1&quot; 必须是由对象组成的数组，而不是%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 entry %2 must be an object, not %3</source>
        <translation>%1 的第 %2 项必须是对象，而不是%3</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+2"/>
        <source>layer %1: </source>
        <translation>图层 %1：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>layer %1 has no &quot;id&quot; or no &quot;path&quot;</source>
        <translation>第 %1 个图层缺少“id”或“path”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1&quot;kind&quot; must be &quot;raster&quot; or &quot;vector&quot;, not &quot;%2&quot;</source>
        <translation>%1&quot;kind&quot; 必须是 &quot;raster&quot; 或 &quot;vector&quot;，而不是 &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1&quot;kind&quot; is missing (&quot;raster&quot; or &quot;vector&quot;)</source>
        <translation>%1缺少 &quot;kind&quot;（&quot;raster&quot; 或 &quot;vector&quot;）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>layer id %1 is used twice</source>
        <translation>图层 id %1 被重复使用</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>class %1: </source>
        <translation>类别 %1：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>parameter table %1: </source>
        <translation>参数表 %1：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 problem(s):
</source>
        <translation>共 %1 个问题：
</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>layout &quot;%1&quot;: layers: unknown layer &quot;%2&quot;</source>
        <translation>布局“%1”：layers：未知图层“%2”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>layout &quot;%1&quot;: atlas.layer: unknown layer &quot;%2&quot;</source>
        <translation>布局“%1”：atlas.layer：未知图层“%2”</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cannot write the project file %1: %2</source>
        <translation>无法写入项目文件 %1：%2</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Layer id %1 is used twice.</source>
        <translation>图层 id %1 被重复使用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Layer %1: the path %2 is absolute; projects use paths relative to the project file so that they can be moved.</source>
        <translation>图层 %1：路径 %2 是绝对路径；项目使用相对于项目文件的路径，以便整体移动。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Layer %1: the file %2 is missing.</source>
        <translation>图层 %1：文件 %2 不存在。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Layer %1: GDAL cannot read the file %2 as a raster or vector layer.</source>
        <translation>图层 %1：GDAL 无法将文件 %2 读取为栅格或矢量图层。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Layer %1 is declared &quot;%2&quot; but the file %3 is a %4; correct its &quot;kind&quot; or &quot;path&quot; in the project file.</source>
        <translation>图层 %1 声明为 &quot;%2&quot;，但文件 %3 是%4；请在项目文件中更正其 &quot;kind&quot; 或 &quot;path&quot;。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>vector layer</source>
        <translation>矢量图层</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>raster</source>
        <translation>栅格</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Parameter table %1: the file %2 is missing.</source>
        <translation>参数表 %1：文件 %2 不存在。</translation>
    </message>
    <message>
        <location filename="../models/project/ProjectAnalyses.cpp" line="+21"/>
        <source>&quot;analyses&quot; must be a JSON object of analyses, e.g. {&quot;gep&quot;: {&quot;out&quot;: &quot;gep_out&quot;}}</source>
        <translation>“analyses”必须是按分析组织的 JSON 对象，例如 {&quot;gep&quot;: {&quot;out&quot;: &quot;gep_out&quot;}}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>analyses.%1 must be an object of input values</source>
        <translation>analyses.%1 必须是由输入值组成的对象</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>analyses.%1.%2 must be a text, a number, true/false or a list of texts</source>
        <translation>analyses.%1.%2 必须是文本、数值、true/false 或文本列表</translation>
    </message>
    <message>
        <location filename="../models/project/ProjectResults.cpp" line="+12"/>
        <source>&quot;results&quot; must be a JSON array of {analysis, folder, finished} objects</source>
        <translation>&quot;results&quot; 必须是由 {analysis, folder, finished} 对象组成的 JSON 数组</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>results[%1] must be a JSON object</source>
        <translation>results[%1] 必须是 JSON 对象</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>results[%1].analysis must be a non-empty text, e.g. &quot;carbon_project&quot;</source>
        <translation>results[%1].analysis 必须是非空文本，例如 &quot;carbon_project&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>results[%1].folder must be the result folder, relative to the project file</source>
        <translation>results[%1].folder 必须是结果文件夹（相对于项目文件的路径）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>results[%1].folder %2 is absolute; projects use paths relative to the project file so that they can be moved</source>
        <translation>results[%1].folder %2 是绝对路径；项目使用相对于项目文件的路径，以便整体移动</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>results[%1].finished must be an ISO 8601 time, e.g. &quot;2026-12-07T03:00:00Z&quot;</source>
        <translation>results[%1].finished 必须是 ISO 8601 时间，例如 &quot;2026-12-07T03:00:00Z&quot;</translation>
    </message>
</context>
<context>
    <name>ProjectLedger</name>
    <message>
        <location filename="../models/carbon/ProjectLedger.cpp" line="+75"/>
        <source>&apos;%1&apos; is not a parcel layer of the carbon run; list layer ids among: %2</source>
        <translation>“%1”不是本次碳计算的地块图层；请从以下图层 ID 中选择：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the layer &apos;%1&apos; is listed twice; list each layer once</source>
        <translation>图层“%1”被列出两次；每个图层只能列出一次</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>%1 ∩ %2: %3 ha (counted for %1)</source>
        <translation>%1 ∩ %2：%3 公顷（计入 %1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>parcel layers overlap; each piece of ground counts once in the totals, for the layer of higher precedence (carbon.precedence: %1): %2. The layers sum to %3 ha, their union is %4 ha (overlaps.csv)</source>
        <translation>地块图层存在重叠；汇总中每块土地只计一次，计入优先级较高的图层（carbon.precedence：%1）：%2。各图层面积之和为 %3 公顷，其并集为 %4 公顷（见 overlaps.csv）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ledger check %1 failed: %2, row %3%4, %5: expected %6 %7, found %8 %7</source>
        <translation>台账核对 %1 未通过：%2，行 %3%4，%5：应为 %6 %7，实为 %8 %7</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, interval %1</source>
        <translation>，时段 %1</translation>
    </message>
</context>
<context>
    <name>ProjectMap</name>
    <message>
        <location filename="../render/ProjectMaps.cpp" line="+149"/>
        <source>Land cover</source>
        <translation>土地覆被</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>NDVI</source>
        <translation>NDVI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elevation (m)</source>
        <translation>高程（m）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Precipitation (mm/yr)</source>
        <translation>降水量（mm/a）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evapotranspiration (mm/yr)</source>
        <translation>蒸散发量（mm/a）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forest sub-compartments</source>
        <translation>森林小班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Farmland plots</source>
        <translation>农田地块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wetland units</source>
        <translation>湿地单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restoration plots</source>
        <translation>修复地块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Districts</source>
        <translation>行政区</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Layer %1 (%2): %3</source>
        <translation>图层 %1（%2）：%3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>layout &quot;%1&quot;: </source>
        <translation>布局“%1”：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--date %1: the project has no land cover of that year (it has %2)</source>
        <translation>--date %1：项目中没有该年份的土地覆被（现有年份：%2）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the project has no land-cover, parcel or district layer to map; name layers in a layout</source>
        <translation>项目中没有可制图的土地覆被、地块或行政区图层；请在布局中指定图层</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>layers: unknown layer &quot;%1&quot;</source>
        <translation>layers：未知图层“%1”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>layers: &quot;%1&quot; has no %2 layer of %3</source>
        <translation>layers：“%1”没有 %3 年的 %2 图层</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Land cover %1</source>
        <translation>%1 年土地覆被</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data: %1</source>
        <translation>数据来源：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Map made with Tanhui on %1</source>
        <translation>使用 Tanhui 制图，%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>page: unknown page size &quot;%1&quot; (A0–A5, B4, B5, Letter, Legal)</source>
        <translation>page：未知的纸张尺寸“%1”（A0–A5、B4、B5、Letter、Legal）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>--atlas %1: the project has no such layer</source>
        <translation>--atlas %1：项目中没有该图层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--atlas %1: the atlas coverage must be a polygon layer, not a %2</source>
        <translation>--atlas %1：图集覆盖图层必须是面图层，而不是 %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--atlas %1: the layer has no field &quot;%2&quot; to name its pages</source>
        <translation>--atlas %1：该图层没有用于命名页面的字段“%2”</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>--atlas %1: the layer has no feature with an area</source>
        <translation>--atlas %1：该图层没有具有面积的要素</translation>
    </message>
</context>
<context>
    <name>ProjectPlansFile</name>
    <message>
        <location filename="../models/project/ProjectPlans.cpp" line="+21"/>
        <source>Project file %1: %2</source>
        <translation>项目文件 %1：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 must be a year (a whole number from 1900 to 2200), not %2</source>
        <translation>%1 必须是年份（1900 至 2200 的整数），而不是 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 must be a text, not %2</source>
        <translation>%1 必须是文本，而不是 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;plans&quot; must be a JSON array of plan objects</source>
        <translation>“plans”必须是由规划对象组成的 JSON 数组</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+27"/>
        <source>%1 must be a JSON object</source>
        <translation>%1 必须是 JSON 对象</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+27"/>
        <source>%1.%2 is not a known key (known: %3)</source>
        <translation>%1.%2 不是可识别的键（可用键：%3）</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>%1.name must be a non-empty text</source>
        <translation>%1.name 必须是非空文本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1.name: another plan is already named &quot;%2&quot;</source>
        <translation>%1.name：已有另一个名为“%2”的规划</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1.changes must be an array of objects</source>
        <translation>%1.changes 必须是对象数组</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1.parcels must be an array of parcel ids (texts or numbers)</source>
        <translation>%1.parcels 必须是地块编号（文本或数字）组成的数组</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1.parcels must hold parcel ids (texts or whole numbers), not %2</source>
        <translation>%1.parcels 只能包含地块编号（文本或整数），而不是 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 needs either &quot;layer&quot; (with &quot;parcels&quot;) or &quot;plan_layer&quot; (a polygon file), not both or neither</source>
        <translation>%1 须给出“layer”（连同“parcels”）或“plan_layer”（面图层文件）之一，不能同时给出或都不给</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1.parcels: a plan layer&apos;s features are the parcels; leave &quot;parcels&quot; out</source>
        <translation>%1.parcels：规划图层的要素即为地块；请去掉“parcels”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1.target must name an ecosystem type, e.g. &quot;mangrove&quot;</source>
        <translation>%1.target 必须是生态系统类型，例如“mangrove”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1.start_year is missing (the planting year)</source>
        <translation>缺少 %1.start_year（种植年份）</translation>
    </message>
</context>
<context>
    <name>ProjectUncertainty</name>
    <message>
        <location filename="../models/carbon/ProjectUncertainty.cpp" line="+373"/>
        <source>the Monte Carlo iterations must be a whole number from 1 to %1, not %2</source>
        <translation>蒙特卡洛迭代次数必须是 1 到 %1 之间的整数，而不是 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the seed must be a whole number from 0 to 9007199254740991, not %1</source>
        <translation>种子必须是 0 到 9007199254740991 之间的整数，而不是 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>default_u_pct must be a percentage from 0 to 1000 (95 % half-width, e.g. 90 for ±90 %), not %1</source>
        <translation>default_u_pct 必须是 0 到 1000 之间的百分数（95 % 半宽，例如 ±90 % 写作 90），而不是 %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>run-wide default_u_pct %1 % (U = 95 % half-width; carbon-methods.md §6.2 item 1)</source>
        <translation>全局默认 default_u_pct %1 %（U = 95 % 半宽；carbon-methods.md §6.2 第 1 项）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 value(s) have no uncertainty (no uncertainty columns in the table and no carbon.uncertainty.default_u_pct) and are treated as exact: %2</source>
        <translation>%1 个值没有不确定性（表中没有不确定性列，也未设置 carbon.uncertainty.default_u_pct），按精确值处理：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no uncertainty source: every draw gives the same value (no parameter it depends on carries an uncertainty), so the bounds are left blank; declare uncertainty columns or set default_u_pct / --default-uncertainty</source>
        <translation>无不确定性来源：每次抽样结果相同（其所依赖的参数均无不确定性），故置信区间留空；请在参数表中声明不确定性列，或设置 default_u_pct / --default-uncertainty</translation>
    </message>
    <message>
        <location line="+282"/>
        <source>no bounds where parcels of methods without Monte Carlo count (%1): bounds cannot be added</source>
        <translation>凡计入了不支持蒙特卡洛的方法（%1）的地块之处均不给出置信区间：置信区间不能相加</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no bounds where parcels whose ecosystem type or stock follows a land-use change count (%1)</source>
        <translation>包含生态系统类型或碳储量随土地利用变化而改变的地块时不给出置信区间（%1）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no bounds for changes that some parcels report without Monte Carlo samples (e.g. NDVI regression changes across cloud gaps, see their method_detail)</source>
        <translation>部分图斑的变化量没有蒙特卡洛样本（例如跨云缺失的 NDVI 回归变化量，见其 method_detail），故这些变化量不给出置信区间</translation>
    </message>
</context>
<context>
    <name>RegressionCommand</name>
    <message>
        <location filename="../app/cli/RegressionCommand.cpp" line="-177"/>
        <source>Remote-sensing regression method (carbon-methods.md §6.1): above-ground biomass (AGB) per cell and
year from a vegetation index (NDVI, EVI), with coefficients per forest type, aggregated per parcel
and year. See docs/remote-sensing-carbon.md.

Per cell and year: the forest type is the land-cover class of the nearest earlier (or equal)
land-cover date; AGB = f(VI) with the row&apos;s form (linear a + b·VI, power a·VI^b, exponential
a·e^(b·VI), logarithmic a + b·ln(VI)), times the bias correction (e^(σ²/2) or the smearing factor),
capped at agb_cap and at least 0; carbon density = (AGB + AGB × R) × CF (t C/ha). R is r_low for
AGB ≤ 125 t d.m./ha and r_high above, chosen per parcel from its mean AGB with hysteresis
(--r-hysteresis) so that R does not flip from year to year. Non-forest cells get no AGB (reported
as non-forest area); nodata index cells (cloud gaps) are reported as gap area, never as zero.

Coefficients: there are no published Guangzhou coefficients in Tanhui&apos;s reference, so there is no
default table: --coefficients is required. --write-template FILE writes a template (the
illustrative §6.1 curve AGB = 10·e^(3.5·NDVI), tagged example: replace it with a model fitted to
local plots). CSV columns: lucode, form, a, b, agb_cap (t d.m./ha), r_low, r_high, cf (t C/t d.m.),
optional bias_sigma2 or smearing, forest_type, name_zh, source, tag.

Outputs in --out DIR:
  rs_carbon_&lt;year&gt;.tif  Float32, nodata −1; bands agb (t d.m./ha), c_density_r_le125 and
                        c_density_r_gt125 (t C/ha with the R of each class), nonforest (1/0),
                        vi_gap (1 = forest cell with nodata index).
  rs_trajectory.csv     one row per parcel and year: fid, id, year, lulc_year (land-cover date
                        used), forest_area_ha (forest with a valid index), vi_gap_area_ha,
                        nonforest_area_ha, lulc_nodata_area_ha, mean_agb_t_dm_per_ha, r_class
                        (le125/gt125), carbon_t (t C), carbon_t_per_ha (t C per ha of valid forest),
                        co2e_t (t CO2e = t C × 44/12), change_t and change_co2e_t (since the
                        previous year), rate_t_per_yr (t C/yr), gaps_differ (1: gap areas of the two
                        years differ by &gt; 1 %, so part of the change is a nodata artefact),
                        flagged_parameters (lucode:tag of rows tagged example/unconfirmed/secondary).
  rs_parcels.csv, .gpkg one row per parcel: fid, id, area_ha, per year carbon_&lt;y&gt;_t,
                        carbon_&lt;y&gt;_t_per_ha, mean_agb_&lt;y&gt;_t_dm_per_ha, forest_area_&lt;y&gt;_ha,
                        vi_gap_area_&lt;y&gt;_ha; first → last change_t, change_co2e_t, rate_t_per_yr,
                        rate_co2e_t_per_yr (stock difference / years, §3.2), gaps_differ,
                        raster_coverage_fraction (share of the parcel inside the rasters),
                        flagged_parameters, geometry_repaired.
  rs_totals.csv         quantity,value,unit: per year sums over parcels (t C, t CO2e, ha) and the
                        whole raster&apos;s forest, gap and non-forest areas and mean AGB; changes.
  parameters_used.csv   every coefficient row used with its tag and source, and the R rule.

Example (sample project):
  tanhui-cli carbon --method regression --vi-stack rasters/ndvi_2015-2024.tif \
      --lulc rasters/landcover_2015.tif@2015 --lulc rasters/landcover_2018.tif@2018 \
      --lulc rasters/landcover_2021.tif@2021 --lulc rasters/landcover_2024.tif@2024 \
      --coefficients my_coefficients.csv --parcels vectors/xiaoban.shp --id 小班号 --out rs_out</source>
        <translation>遥感回归法（carbon-methods.md §6.1）：按森林类型的系数，由植被指数（NDVI、EVI）逐像元、逐年
计算地上生物量（AGB），再按地块和年份汇总。详见 docs/remote-sensing-carbon.md。

逐像元、逐年：森林类型取最近的、不晚于该年的土地覆盖日期的类别；AGB = f(VI)，按该行的
form（线性 a + b·VI、幂函数 a·VI^b、指数 a·e^(b·VI)、对数 a + b·ln(VI)），乘以偏差校正
（e^(σ²/2) 或 smearing 因子），不超过 agb_cap 且不小于 0；碳密度 = (AGB + AGB × R) × CF（t C/ha）。
AGB ≤ 125 t d.m./ha 时 R 取 r_low，以上取 r_high，按地块平均 AGB 并带滞后（--r-hysteresis）
选取，使 R 不会逐年跳变。非森林像元不由回归得到 AGB（计为非森林面积）；无数据的指数像元
（云缺口）计为缺口面积，绝不计为零。

系数：Tanhui 的参考资料中没有已发表的广州系数，因此没有默认表：必须给出 --coefficients。
--write-template FILE 写出模板（§6.1 示意曲线 AGB = 10·e^(3.5·NDVI)，标记为 example：请替换为
用本地样地拟合的模型）。CSV 列：lucode、form、a、b、agb_cap（t d.m./ha）、r_low、r_high、
cf（t C/t d.m.），可选 bias_sigma2 或 smearing、forest_type、name_zh、source、tag。

--out DIR 中的输出：
  rs_carbon_&lt;year&gt;.tif  Float32，无数据值 −1；波段 agb（t d.m./ha）、c_density_r_le125 和
                        c_density_r_gt125（按各 AGB 等级的 R 计算，t C/ha）、nonforest（1/0）、
                        vi_gap（1 = 指数无数据的森林像元）。
  rs_trajectory.csv     每个地块每年一行：fid、id、year、lulc_year（所用土地覆盖日期）、
                        forest_area_ha（指数有效的森林面积）、vi_gap_area_ha、nonforest_area_ha、
                        lulc_nodata_area_ha、mean_agb_t_dm_per_ha、r_class（le125/gt125）、
                        carbon_t（t C）、carbon_t_per_ha（每公顷有效森林的 t C）、
                        co2e_t（t CO2e = t C × 44/12）、change_t 和 change_co2e_t（相对上一年）、
                        rate_t_per_yr（t C/年）、gaps_differ（1：两年的缺口面积相差 &gt; 1 %，部分变化
                        来自无数据），flagged_parameters（标记为 example/unconfirmed/secondary 的行，
                        lucode:tag）。
  rs_parcels.csv、.gpkg 每个地块一行：fid、id、area_ha，每年 carbon_&lt;y&gt;_t、carbon_&lt;y&gt;_t_per_ha、
                        mean_agb_&lt;y&gt;_t_dm_per_ha、forest_area_&lt;y&gt;_ha、vi_gap_area_&lt;y&gt;_ha；首年 → 末年
                        change_t、change_co2e_t、rate_t_per_yr、rate_co2e_t_per_yr（储量差 / 年数，
                        §3.2）、gaps_differ、raster_coverage_fraction（地块位于栅格内的比例）、
                        flagged_parameters、geometry_repaired。
  rs_totals.csv         quantity,value,unit：每年各地块之和（t C、t CO2e、ha），以及整幅栅格的森林、
                        缺口和非森林面积与平均 AGB；变化量。
  parameters_used.csv   所用的每一系数行及其标记和来源，以及 R 规则。

示例（示例项目）：
  tanhui-cli carbon --method regression --vi-stack rasters/ndvi_2015-2024.tif \
      --lulc rasters/landcover_2015.tif@2015 --lulc rasters/landcover_2018.tif@2018 \
      --lulc rasters/landcover_2021.tif@2021 --lulc rasters/landcover_2024.tif@2024 \
      --coefficients my_coefficients.csv --parcels vectors/xiaoban.shp --id 小班号 --out rs_out</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>regression (this method).</source>
        <translation>regression（本方法）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+43"/>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Vegetation-index raster of one year, FILE@YEAR (band 1); repeat per year.</source>
        <translation>某一年的植被指数栅格，FILE@YEAR（第 1 波段）；每年重复一次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>FILE@YEAR</source>
        <translation>FILE@YEAR</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Multi-band vegetation-index raster, one band per year, the year read from each band&apos;s DATE metadata (or a description starting with the year).</source>
        <translation>多波段植被指数栅格，每年一个波段，年份读自各波段的 DATE 元数据（或以年份开头的波段描述）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+19"/>
        <location line="+9"/>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Land-cover raster and its year, FILE@YEAR; repeat. Each index year uses the nearest earlier or equal land-cover date.</source>
        <translation>土地覆盖栅格及其年份，FILE@YEAR；可重复。每个指数年份使用最近的、不晚于该年的土地覆盖日期。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Land-cover codes that are forest, comma separated (default 11,12,13,14).</source>
        <translation>属于森林的土地覆盖代码，以逗号分隔（默认 11,12,13,14）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CODES</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Coefficient table CSV, one row per forest class (required; no default).</source>
        <translation>系数表 CSV，每个森林类别一行（必需；无默认值）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write a coefficient table template (illustrative values tagged example) and exit.</source>
        <translation>写出系数表模板（示意值，标记为 example）后退出。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hysteresis of the R class rule in t d.m./ha (default 10): a parcel changes R class only when its mean AGB passes 125 ± this value.</source>
        <translation>R 等级规则的滞后值，单位 t d.m./ha（默认 10）：地块平均 AGB 越过 125 ± 该值时才改变 R 等级。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Polygon layer for per-parcel results.</source>
        <translation>用于分地块结果的面图层。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Parcel id field (default: the feature id).</source>
        <translation>地块编号字段（默认：要素 ID）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FIELD</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <translation>为没有坐标参考系的地块图层指定的坐标参考系。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRS</source>
        <translation>CRS</translation>
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
        <location line="+27"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>wrote the coefficient template %1: its values are the illustrative curve of carbon-methods.md §6.1 (tagged example), not a calibrated model; fit a, b and agb_cap to local plots per forest type</source>
        <translation>已写出系数模板 %1：其中的值是 carbon-methods.md §6.1 的示意曲线（标记为 example），不是经过标定的模型；请按森林类型用本地样地拟合 a、b 和 agb_cap</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>; there is no default coefficient table (no published Guangzhou coefficients); --write-template FILE writes a template</source>
        <translation>；没有默认系数表（没有已发表的广州系数）；--write-template FILE 可写出模板</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>give the vegetation index with --vi FILE@YEAR (repeat) or --vi-stack FILE</source>
        <translation>请用 --vi FILE@YEAR（可重复）或 --vi-stack FILE 给出植被指数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--threads must be a whole number from 0 (all cores) to 1024, not &apos;%1&apos;</source>
        <translation>--threads 必须是 0（全部核心）到 1024 之间的整数，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--forest-classes: &apos;%1&apos; is not a land-cover code</source>
        <translation>--forest-classes：&apos;%1&apos; 不是土地覆盖代码</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--lulc %1: expected FILE@YEAR, e.g. landcover_2015.tif@2015</source>
        <translation>--lulc %1：应为 FILE@YEAR，例如 landcover_2015.tif@2015</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--vi %1: expected FILE@YEAR, e.g. ndvi_2015.tif@2015</source>
        <translation>--vi %1：应为 FILE@YEAR，例如 ndvi_2015.tif@2015</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>coefficient table %1, row %2 (lucode %3) is tagged %4: results using it are flagged</source>
        <translation>系数表 %1 第 %2 行（lucode %3）标记为 %4：使用它的结果均已标记</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 parcel(s) lie more than 2 % outside the rasters; their results cover only the part inside (raster_coverage_fraction in rs_parcels.csv)</source>
        <translation>%1 个地块有超过 2 % 的面积位于栅格之外；其结果只覆盖栅格内的部分（见 rs_parcels.csv 中的 raster_coverage_fraction）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 parcel(s) have cloud-gap areas that differ between the first and last year by more than 1 %: their change in t C is partly a nodata artefact; compare carbon_t_per_ha (gaps_differ = 1)</source>
        <translation>%1 个地块首年与末年的云缺口面积相差超过 1 %：其以 t C 计的变化部分来自无数据；请比较 carbon_t_per_ha（gaps_differ = 1）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (land cover %2): parcels %3 t C; raster forest %4 ha, gaps %5 ha, mean AGB %6 t d.m./ha</source>
        <translation>%1 年（土地覆盖 %2）：地块合计 %3 t C；整幅栅格森林 %4 ha，缺口 %5 ha，平均 AGB %6 t d.m./ha</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 year(s), %2 parcel(s) in %3 s; wrote %4</source>
        <translation>%1 个年份、%2 个地块，用时 %3 秒；已写入 %4</translation>
    </message>
</context>
<context>
    <name>RegressionMonteCarlo</name>
    <message>
        <location filename="../models/uncertainty/RegressionMonteCarlo.cpp" line="+196"/>
        <source>ab_corr must be a correlation from -1 to 1 (of the fitted a and b), not &apos;%1&apos;</source>
        <translation>ab_corr 必须是 -1 到 1 之间的相关系数（拟合得到的 a 与 b 之间），而不是 &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message>
        <location filename="../app/cli/ReportCommand.cpp" line="+26"/>
        <source>Writes the valuation report (PDF or HTML, in Chinese or English) from the result sets of a carbon
project run (tanhui-cli carbon --project FILE --out DIR) and, optionally, a GEP run: summary, study
area and data (every input with its SHA-256), methods and parameter rows, results by ecosystem type,
district and service, charts, maps and an appendix.</source>
        <translation>根据碳汇项目运行（tanhui-cli carbon --project FILE --out DIR）的结果集，以及可选的 GEP 运行结果集，
生成核算报告（PDF 或 HTML，中文或英文）：摘要、研究区与数据（每个输入及其 SHA-256）、方法与所用参数行、
按生态系统类型、行政区和服务类别的结果、图表、地图和附录。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The project file (classes and layers for the maps).</source>
        <translation>项目文件（地图所用的分类和图层）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Folder of the carbon project run (holds resultset.json).</source>
        <translation>碳汇项目运行的输出文件夹（含 resultset.json）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <location line="+5"/>
        <source>DIR</source>
        <translation>目录</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Folder of the GEP run (optional).</source>
        <translation>GEP 运行的输出文件夹（可选）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder of a restoration plan&apos;s run (&apos;plan --carbon-results DIR [--gep]&apos;, optional): adds the plan section (carbon and GEP differences with bounds, top parcels, map).</source>
        <translation>恢复规划运行结果的文件夹（“plan --carbon-results DIR [--gep]”，可选）：增加规划章节（含区间的碳与 GEP 差值、差值最大的地块、地图）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language of the report: zh_CN (default) or en.</source>
        <translation>报告语言：zh_CN（默认）或 en。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LANG</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The report file: .pdf or .html (written atomically).</source>
        <translation>报告文件：.pdf 或 .html（原子写入）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No progress bar and no summary.</source>
        <translation>不显示进度条和摘要。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--out %1: the report&apos;s file name must end in .pdf or .html</source>
        <translation>--out %1：报告文件名必须以 .pdf 或 .html 结尾</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--lang %1: the report&apos;s language must be zh_CN or en</source>
        <translation>--lang %1：报告语言必须为 zh_CN 或 en</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cancelled; %1 is unchanged</source>
        <translation>已取消；%1 未改动</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>report written: %1 (%2 s)</source>
        <translation>报告已写出：%1（%2 秒）</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <location filename="../app/report/ReportBuilder.cpp" line="+367"/>
        <location filename="../app/report/ResultChartData.cpp" line="-108"/>
        <location line="+16"/>
        <source>All</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../app/report/ResultChartData.cpp" line="-9"/>
        <source>Carbon pools (InVEST Carbon)</source>
        <translation>碳库法（InVEST Carbon）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forest volume (BEF)</source>
        <translation>森林蓄积量法（BEF）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forest volume with growth</source>
        <translation>森林蓄积量法（含生长）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gain–loss (IPCC)</source>
        <translation>增减法（IPCC）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soil organic carbon (IPCC)</source>
        <translation>土壤有机碳（IPCC）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coastal blue carbon</source>
        <translation>滨海蓝碳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote-sensing regression</source>
        <translation>遥感回归</translation>
    </message>
    <message>
        <location filename="../app/report/ReportBuilder.cpp" line="-275"/>
        <source>stock = area × (above-ground + below-ground + dead wood + litter + soil carbon density) of the parcel&apos;s land-cover class at each date (carbon-methods.md §1.2, §3.1, §3.5)</source>
        <translation>碳储量 = 面积 ×（地上 + 地下 + 枯死木 + 凋落物 + 土壤碳密度），碳密度取地块在各时点的土地覆盖类别（carbon-methods.md §1.2、§3.1、§3.5）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>biomass carbon = stand volume × wood density × BEF × (1 + root-to-shoot ratio) × carbon fraction, for the inventory year (carbon-methods.md §5.1, §5.2)</source>
        <translation>生物量碳 = 林分蓄积 × 基本木材密度 × BEF ×（1 + 根茎比）× 含碳率，针对调查年份（carbon-methods.md §5.1、§5.2）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the volume-based stock of the inventory year carried to every date with the annual growth of the stand and losses (carbon-methods.md §5.1, §3.2)</source>
        <translation>以调查年份的蓄积量法碳储量为基础，按林分年生长量和损失推算到各时点（carbon-methods.md §5.1、§3.2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>annual change = gains (biomass growth × area × carbon fraction) − losses (IPCC gain–loss method, carbon-methods.md §3.2, §3.5)</source>
        <translation>年变化量 = 增加量（生物量生长 × 面积 × 含碳率）− 损失量（IPCC 增减法，carbon-methods.md §3.2、§3.5）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>soil organic carbon = SOC_REF × F_LU × F_MG × F_I, with the change spread over 20 years (IPCC Eq. 2.25, carbon-methods.md §3.3, §3.7, §3.8)</source>
        <translation>土壤有机碳 = SOC_REF × F_LU × F_MG × F_I，变化量按 20 年分摊（IPCC 式 2.25，carbon-methods.md §3.3、§3.7、§3.8）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>coastal blue carbon: stocks, accumulation and emissions after disturbance by transition (InVEST Coastal Blue Carbon, carbon-methods.md §2, §4)</source>
        <translation>滨海蓝碳：按转换类型计算碳储量、累积量及扰动后的排放（InVEST Coastal Blue Carbon，carbon-methods.md §2、§4）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>above-ground biomass from a regression on NDVI, converted to carbon (carbon-methods.md §6.1)</source>
        <translation>由 NDVI 回归得到地上生物量，再换算为碳（carbon-methods.md §6.1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>method %1 (docs/carbon-project.md)</source>
        <translation>方法 %1（docs/carbon-project.md）</translation>
    </message>
    <message>
        <location filename="../app/report/ResultChartData.cpp" line="-55"/>
        <source>No error bars: the run computed no 95 % range of %1 (run it with carbon.uncertainty, the Monte Carlo iterations).</source>
        <translation>无误差线：本次运行未计算%1的 95% 区间（请启用 carbon.uncertainty，即蒙特卡洛迭代后重新运行）。</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Material products</source>
        <translation>物质产品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Water conservation</source>
        <translation>水源涵养</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soil retention</source>
        <translation>土壤保持</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sand fixation</source>
        <translation>防风固沙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flood regulation</source>
        <translation>洪水调蓄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Air purification</source>
        <translation>空气净化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Water purification</source>
        <translation>水质净化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carbon sequestration</source>
        <translation>固碳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oxygen release</source>
        <translation>释氧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Climate regulation</source>
        <translation>气候调节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pest and disease control</source>
        <translation>病虫害控制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coastal protection</source>
        <translation>海岸带防护</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recreation</source>
        <translation>休闲游憩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regulating services</source>
        <translation>调节服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Material services</source>
        <translation>物质供给</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cultural services</source>
        <translation>文化服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carbon emission (deducted)</source>
        <translation>碳排放（扣减）</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>10 thousand CNY</source>
        <translation>万元</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>CNY</source>
        <translation>元</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The carbon results have no table totals_by_pool: rerun the carbon project with this version to chart the stock by pool.</source>
        <translation>碳核算结果中没有 totals_by_pool 表：请用本版本重新运行碳项目，才能按碳库绘制碳储量图。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The table totals_by_pool has no rows: no parcel has a stock.</source>
        <translation>totals_by_pool 表没有数据行：没有任何地块有碳储量。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+342"/>
        <source>Carbon stock (t C)</source>
        <translation>碳储量（t C）</translation>
    </message>
    <message>
        <location line="-341"/>
        <source>Carbon stock (thousand t C)</source>
        <translation>碳储量（千 t C）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the total stock</source>
        <translation>总碳储量</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The carbon results have no table totals_by_ecosystem_type or no dated stock in their summary.</source>
        <translation>碳核算结果中没有 totals_by_ecosystem_type 表，或汇总中没有各年份的碳储量。</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+6"/>
        <source>Stock change by ecosystem type</source>
        <translation>各生态系统类型的碳储量变化</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The carbon results have no table totals_by_ecosystem_type: rerun the carbon project to chart the change by ecosystem type.</source>
        <translation>碳核算结果中没有 totals_by_ecosystem_type 表：请重新运行碳项目，才能按生态系统类型绘制变化量图。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The carbon run has fewer than two dates: there is no change to chart.</source>
        <translation>本次碳核算不足两个年份，没有可绘制的变化量。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change (thousand t CO2e)</source>
        <translation>变化量（千 t CO2e）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The table totals_by_ecosystem_type has no ecosystem type.</source>
        <translation>totals_by_ecosystem_type 表中没有任何生态系统类型。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the change</source>
        <translation>变化量</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+79"/>
        <source>The GEP results have no table totals: rerun GEP to chart it.</source>
        <translation>GEP 结果中没有 totals 表：请重新运行 GEP 核算后再绘图。</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>The GEP totals have no service: no indicator was valued.</source>
        <translation>GEP 汇总中没有任何服务：没有指标被核算价值。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The GEP totals have no ecosystem: no parcel was valued.</source>
        <translation>GEP 汇总中没有任何生态系统：没有地块被核算价值。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Carbon difference by pool (plan − baseline)</source>
        <translation>各碳库碳差值（规划 − 基线）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The plan results have no table plan_totals: rerun the plan.</source>
        <translation>规划结果中没有 plan_totals 表：请重新运行规划。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Difference (thousand t C)</source>
        <translation>差值（千吨碳）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the plan&apos;s difference</source>
        <translation>规划差值</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The plan was run without GEP: run it again with “Value GEP too”.</source>
        <translation>该规划运行时未核算 GEP：请勾选“同时核算 GEP”后重新运行。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The plan changes no GEP service.</source>
        <translation>该规划不改变任何 GEP 服务。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Difference (%1 per year)</source>
        <translation>差值（%1/年）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the plan&apos;s GEP difference</source>
        <translation>规划的 GEP 差值</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+21"/>
        <source>Carbon stock of parcel %1 (%2)</source>
        <translation>地块 %1 的碳储量（%2）</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>The carbon results have no table parcels.</source>
        <translation>碳核算结果中没有 parcels（地块）表。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Feature %1 of layer %2 is not in the carbon results (not a carbon layer of the run, or added since).</source>
        <translation>图层 %2 的要素 %1 不在碳核算结果中（该图层未参与本次碳核算，或要素为之后新增）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stock</source>
        <translation>碳储量</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The parcel has no carbon stock at any date.</source>
        <translation>该地块在所有年份均无碳储量。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The parcel was not computed: %1</source>
        <translation>该地块未计算：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the parcel&apos;s stock</source>
        <translation>该地块碳储量</translation>
    </message>
    <message>
        <location filename="../app/report/ReportBuilder.cpp" line="+430"/>
        <location line="+723"/>
        <location line="+406"/>
        <location filename="../app/report/ResultChartData.cpp" line="-469"/>
        <source>GEP</source>
        <translation>GEP</translation>
    </message>
    <message>
        <location filename="../app/report/ResultChartData.cpp" line="-56"/>
        <source>Above-ground biomass</source>
        <translation>地上生物量</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Below-ground biomass</source>
        <translation>地下生物量</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dead wood</source>
        <translation>枯死木</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Litter</source>
        <translation>凋落物</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Soil organic carbon</source>
        <translation>土壤有机碳</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tree biomass (not split)</source>
        <translation>林木生物量（未分地上地下）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not split by pool</source>
        <translation>未分碳库</translation>
    </message>
    <message>
        <location filename="../app/report/ReportBuilder.cpp" line="-1446"/>
        <location filename="../app/report/ResultChartData.cpp" line="+105"/>
        <source>100 million CNY</source>
        <translation>亿元</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../app/report/ResultChartData.cpp" line="+7"/>
        <source>million CNY</source>
        <translation>百万元</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Figure %1. %2</source>
        <translation>图 %1&#x3000;%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Table %1. %2</source>
        <translation>表 %1&#x3000;%2</translation>
    </message>
    <message>
        <location line="+66"/>
        <location line="+108"/>
        <location line="+278"/>
        <location line="+375"/>
        <location line="+39"/>
        <source>Parcels</source>
        <translation>地块数</translation>
    </message>
    <message>
        <location line="-800"/>
        <location line="+504"/>
        <location line="+257"/>
        <location line="+39"/>
        <location line="+118"/>
        <source>Area (ha)</source>
        <translation>面积（ha）</translation>
    </message>
    <message>
        <location line="-915"/>
        <source>Stock %1 (t C)</source>
        <translation>%1 年碳储量（t C）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change %1–%2 (t C)</source>
        <translation>%1–%2 年变化量（t C）</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../app/report/ResultChartData.cpp" line="+97"/>
        <source>Change (t CO2e)</source>
        <translation>变化量（t CO2e）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>95 % range of change (t C)</source>
        <translation>变化量 95 % 区间（t C）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1: the result set has no ledger check.</source>
        <translation>%1：结果集中没有台账校验。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 %2 %3: expected %4, found %5 %6</source>
        <translation>%1 %2 %3：应为 %4，实为 %5 %6</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 ledger check: passed (%2 of %3 checks: union area, stock changes, sums of parcels).</source>
        <translation>%1台账校验：通过（%3 项校验中通过 %2 项：合并面积、储量变化、地块加总）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 ledger check: FAILED (%2 of %3 checks failed): %4</source>
        <translation>%1台账校验：未通过（%3 项校验中 %2 项失败）：%4</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This report presents the carbon account of the project “%1” for %2–%3, computed by Tanhui from %4 parcels covering %5 ha (each piece of ground counted once where parcel layers overlap).</source>
        <translation>本报告给出项目“%1”%2–%3 年的碳汇核算结果，由碳绘（Tanhui）根据 %4 个地块计算，覆盖 %5 ha（地块图层重叠处每块土地只计一次）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Key figures</source>
        <translation>主要指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+563"/>
        <location line="+599"/>
        <location line="+18"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="-1180"/>
        <location line="+563"/>
        <location line="+617"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="-1179"/>
        <location line="+734"/>
        <location line="+81"/>
        <location line="+3"/>
        <source>95 % range</source>
        <translation>95 % 区间</translation>
    </message>
    <message>
        <location line="-814"/>
        <source>count</source>
        <translation>个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accounted area</source>
        <translation>核算面积</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Carbon stock %1</source>
        <translation>%1 年碳储量</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+1019"/>
        <source>Stock change %1–%2</source>
        <translation>%1–%2 年碳储量变化</translation>
    </message>
    <message>
        <location line="-1014"/>
        <source>Stock change %1–%2 as CO2</source>
        <translation>%1–%2 年碳储量变化（折合 CO2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mean annual change</source>
        <translation>年均变化量</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Net present value of the change</source>
        <translation>碳储量变化的净现值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>currency units</source>
        <translation>货币单位</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+436"/>
        <source>Gross ecosystem product (GEP)</source>
        <translation>生态系统生产总值（GEP）</translation>
    </message>
    <message>
        <location line="-426"/>
        <source>Key changes</source>
        <translation>主要变化</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 gained %2 t C (%3 t CO2e) from %4 to %5.</source>
        <translation>%1 在 %4–%5 年增加 %2 t C（%3 t CO2e）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 lost %2 t C from %3 to %4.</source>
        <translation>%1 在 %3–%4 年减少 %2 t C。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checks and flags</source>
        <translation>校验与提示</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+722"/>
        <location line="+407"/>
        <source>Carbon</source>
        <translation>碳汇</translation>
    </message>
    <message>
        <location line="-1119"/>
        <source>%1 of %2 parameter rows used are not verified (secondary, unconfirmed or example values); %3 parcels use at least one of them. Confirm them before the figures are used for a decision (section 3).</source>
        <translation>所用 %2 个参数行中有 %1 个未经核实（二手来源、未确认或示例值），%3 个地块至少用到其中一个。在据此决策之前须先核实这些参数（见第 3 节）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The carbon run reported %1 warnings (listed in the appendix).</source>
        <translation>碳汇运行报告了 %1 条警告（见附录）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>95 % ranges: 2.5th and 97.5th percentiles of %1 Monte Carlo iterations (seed %2); a dash where no parameter the value depends on carries an uncertainty.</source>
        <translation>95 % 区间：%1 次蒙特卡罗迭代（种子 %2）的第 2.5 和第 97.5 百分位数；所依赖参数均无不确定性时以短横表示。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Input data</source>
        <translation>输入数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>用途</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Layer or file</source>
        <translation>图层或文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CRS</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 features</source>
        <translation>%1 个要素</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Files read and their SHA-256</source>
        <translation>读取的文件及其 SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bytes</source>
        <translation>字节数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Folders of the files: see the appendix. A file whose hash differs is not the file these results were computed from.</source>
        <translation>文件所在文件夹见附录。哈希值不同的文件不是计算本结果所用的文件。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Study area and data</source>
        <translation>研究区与数据</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Project: %1. Coordinate reference system: %2.</source>
        <translation>项目：%1。坐标参考系：%2。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ecosystem extent by date (ha)</source>
        <translation>各时点生态系统面积（ha）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+112"/>
        <location line="+86"/>
        <source>Ecosystem type</source>
        <translation>生态系统类型</translation>
    </message>
    <message>
        <location line="-194"/>
        <source>Share %1 (%)</source>
        <translation>%1 年占比（%）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Area whose carbon stock is counted at each date, after overlaps between layers are removed; a parcel&apos;s type may change between dates.</source>
        <translation>各时点计入碳储量的面积（已扣除图层间重叠）；地块的类型在不同时点可能变化。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Methods and parameters</source>
        <translation>方法与参数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each parcel&apos;s carbon is computed by the methods the project assigns to its ecosystem type; the first method of a type gives its totals. Stocks are in tonnes of carbon (t C); a change in t CO2e is the change in t C × 44/12 (carbon-methods.md §0). Where parcel layers overlap, the ground counts once, for the layer of highest precedence.</source>
        <translation>每个地块的碳由项目为其生态系统类型指定的方法计算，每种类型的第一个方法给出其汇总值。碳储量以吨碳（t C）计；以 t CO2e 表示的变化量 = t C 变化量 × 44/12（carbon-methods.md §0）。地块图层重叠处，该块土地只计一次，计入优先级最高的图层。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (%2 parcels, %3 ha): %4</source>
        <translation>%1（%2 个地块，%3 ha）：%4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stock change between two dates: stock(t2) − stock(t1) (stock-difference, carbon-methods.md §3.2); transfers between ecosystem types are shown in the ledger check.</source>
        <translation>两时点间的碳储量变化 = 储量(t2) − 储量(t1)（储量差法，carbon-methods.md §3.2）；生态系统类型之间的转移见台账校验。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Value: net present value of the change at the project&apos;s price, discount rate and price change (InVEST valuation, carbon-methods.md §1.3).</source>
        <translation>价值：按项目设定的碳价、贴现率和价格变化率计算的变化量净现值（InVEST 估值，carbon-methods.md §1.3）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Uncertainty: Monte Carlo propagation of the parameters&apos; uncertainties, one draw per parameter per iteration shared by all parcels (IPCC Approach 2, carbon-methods.md §6.2).</source>
        <translation>不确定性：用蒙特卡罗方法传递参数的不确定性，每次迭代每个参数抽样一次、所有地块共用（IPCC 方法 2，carbon-methods.md §6.2）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Parameter rows used</source>
        <translation>所用参数行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parameter rows used by the carbon run</source>
        <translation>碳汇运行所用参数行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table, row</source>
        <translation>参数表：行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Values</source>
        <translation>取值</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+282"/>
        <source>Evidence</source>
        <translation>证据等级</translation>
    </message>
    <message>
        <location line="-282"/>
        <location line="+282"/>
        <location line="+617"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="-899"/>
        <location line="+283"/>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location line="-271"/>
        <location line="+283"/>
        <source>to confirm</source>
        <translation>待核实</translation>
    </message>
    <message>
        <location line="-279"/>
        <source>%1 of %2 rows are flagged: secondary, unconfirmed or example values that must be confirmed before the results are used.</source>
        <translation>%2 行中有 %1 行被标记：二手来源、未确认或示例值，使用结果前须先核实。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Carbon results</source>
        <translation>碳核算结果</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Carbon by ecosystem type</source>
        <translation>按生态系统类型的碳核算</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+79"/>
        <location line="+157"/>
        <source>District</source>
        <translation>行政区</translation>
    </message>
    <message>
        <location line="-235"/>
        <source>Carbon by district</source>
        <translation>按行政区的碳核算</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+73"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Carbon by method (a parcel counts once per method that computes it)</source>
        <translation>按方法的碳核算（地块在计算它的每种方法下各计一次）</translation>
    </message>
    <message>
        <location filename="../app/report/ResultChartData.cpp" line="-49"/>
        <source>Carbon stock by ecosystem type</source>
        <translation>各生态系统类型碳储量</translation>
    </message>
    <message>
        <location filename="../app/report/ReportBuilder.cpp" line="+82"/>
        <location filename="../app/report/ResultChartData.cpp" line="+11"/>
        <location line="+39"/>
        <source>thousand t C</source>
        <translation>千吨碳（kt C）</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Carbon stock per date by ecosystem type; the bar on a total is its 95 % range where computed.</source>
        <translation>各时点按生态系统类型的碳储量；总量上的误差线为其 95 % 区间（如有）。</translation>
    </message>
    <message>
        <location filename="../app/report/ResultChartData.cpp" line="-2"/>
        <source>Stock change %1–%2 by ecosystem type</source>
        <translation>%1–%2 年各生态系统类型碳储量变化</translation>
    </message>
    <message>
        <location filename="../app/report/ReportBuilder.cpp" line="+71"/>
        <location line="+401"/>
        <location filename="../app/report/ResultChartData.cpp" line="+7"/>
        <source>Change</source>
        <translation>变化量</translation>
    </message>
    <message>
        <location line="-461"/>
        <source>Stock change by ecosystem type, with the 95 % range where computed.</source>
        <translation>各生态系统类型的碳储量变化及其 95 % 区间（如有）。</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+12"/>
        <source>The %1 parcels with the largest stock gain %2–%3</source>
        <translation>%2–%3 年碳储量增加最多的 %1 个地块</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+416"/>
        <source>Parcel</source>
        <translation>地块</translation>
    </message>
    <message>
        <location line="-413"/>
        <source>Change (t C)</source>
        <translation>变化量（t C）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change (t C/ha)</source>
        <translation>变化量（t C/ha）</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Parcels with the largest stock gain.</source>
        <translation>碳储量增加最多的地块。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Carbon stock by pool per date (t C)</source>
        <translation>各时点分碳库碳储量（t C）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>时点</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+209"/>
        <location filename="../app/report/ResultChartData.cpp" line="+156"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../app/report/ResultChartData.cpp" line="-249"/>
        <source>Carbon stock by pool</source>
        <translation>分碳库碳储量</translation>
    </message>
    <message>
        <location filename="../app/report/ReportBuilder.cpp" line="-196"/>
        <source>Accounted parts of the primary results, as in the other totals; the pools add up to the stock of each date (ledger check).</source>
        <translation>按主结果的计入部分统计，与其他汇总一致；各碳库之和等于各时点的碳储量（台账核对）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Carbon stock per date by pool; the bar on a total is its 95 % range where computed.</source>
        <translation>各时点分碳库碳储量；合计上的误差线为其 95% 区间（如已计算）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>GEP is the value of the final ecosystem services of the year: physical quantity × unit price per indicator (gep-methods.md §2, §4). Accounting profile: %1; price set: %2; prices of %3; price index: %4 (gep-methods.md §5.3). Values in %5.</source>
        <translation>GEP 是当年最终生态系统服务的价值：各指标功能量 × 单价（gep-methods.md §2、§4）。核算规范：%1；价格集：%2；价格年份：%3；价格指数：%4（gep-methods.md §5.3）。价值单位：%5。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Value (%1)</source>
        <translation>价值量（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share (%)</source>
        <translation>占比（%）</translation>
    </message>
    <message>
        <location line="+23"/>
        <location filename="../app/report/ResultChartData.cpp" line="+120"/>
        <source>GEP by service</source>
        <translation>按服务类别的 GEP</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+194"/>
        <source>Service</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <location line="-184"/>
        <source>GEP by service (%1).</source>
        <translation>按服务类别的 GEP（%1）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../app/report/ResultChartData.cpp" line="+79"/>
        <source>GEP by ecosystem</source>
        <translation>按生态系统的 GEP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ecosystem</source>
        <translation>生态系统</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GEP by district</source>
        <translation>按行政区的 GEP</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Prices used</source>
        <translation>所用价格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price year</source>
        <translation>价格年份</translation>
    </message>
    <message>
        <location line="+371"/>
        <source>Difference (%1)</source>
        <translation>差值（%1）</translation>
    </message>
    <message>
        <location filename="../app/report/ResultChartData.cpp" line="+63"/>
        <source>GEP difference by service (plan − baseline)</source>
        <translation>分服务 GEP 差值（规划 − 基线）</translation>
    </message>
    <message>
        <location filename="../app/report/ReportBuilder.cpp" line="-200"/>
        <location filename="../app/report/ResultChartData.cpp" line="-22"/>
        <location line="+58"/>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Pool</source>
        <translation>碳库</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plan</source>
        <translation>规划方案</translation>
    </message>
    <message>
        <location line="+64"/>
        <location line="+58"/>
        <source>10,000 CNY</source>
        <translation>万元</translation>
    </message>
    <message>
        <location line="-58"/>
        <location line="+58"/>
        <location filename="../app/report/ResultChartData.cpp" line="-305"/>
        <source>thousand CNY</source>
        <translation>千元</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>GEP difference, plan − baseline</source>
        <translation>GEP 差值（规划 − 基线）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>GEP difference per parcel, plan minus baseline (%1 per year; red: loss, green: gain).</source>
        <translation>各地块 GEP 差值，规划方案减基线（%1/年；红色：减少，绿色：增加）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Maps</source>
        <translation>地图</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+35"/>
        <source>m</source>
        <translation>米</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Land cover %1</source>
        <translation>%1 年土地覆盖</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Land cover</source>
        <translation>土地覆盖</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Land cover per date (the project&apos;s land-cover rasters) with district boundaries.</source>
        <translation>各时点土地覆盖（项目的土地覆盖栅格）及行政区界线。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Carbon density %1</source>
        <translation>%1 年碳密度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carbon density (t C/ha)</source>
        <translation>碳密度（t C/ha）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carbon density of the parcels in %1 (t C/ha, quantile classes).</source>
        <translation>%1 年各地块碳密度（t C/ha，分位数分级）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Change (t C/a per parcel)</source>
        <translation>变化量（每地块 t C/a）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean annual stock change of the parcels %1–%2 (t C/a; negative: loss).</source>
        <translation>%1–%2 年各地块碳储量年均变化（t C/a；负值为减少）。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>10,000 CNY/ha</source>
        <translation>万元/ha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>thousand CNY/ha</source>
        <translation>千元/ha</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GEP per hectare</source>
        <translation>单位面积 GEP</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../app/report/ResultChartData.cpp" line="+139"/>
        <location line="+79"/>
        <source>GEP (%1)</source>
        <translation>GEP（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GEP per hectare of the parcels (%1, quantile classes).</source>
        <translation>各地块单位面积 GEP（%1，分位数分级）。</translation>
    </message>
    <message>
        <location line="-174"/>
        <location line="+181"/>
        <source>Not drawn: %1</source>
        <translation>未能绘制：%1</translation>
    </message>
    <message>
        <location line="-502"/>
        <source>Restoration plan against the baseline</source>
        <translation>恢复规划与基线对比</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Plan %1%2: its parcels take the target ecosystem type from the start year on and are compared with the baseline in %3 (tanhui-cli plan, run folder %4; docs/carbon-project.md &quot;Restoration plans&quot;). Every difference below is plan minus baseline, read from the plan run&apos;s tables.</source>
        <translation>规划 %1%2：其地块自起始年起采用目标生态系统类型，并在 %3 年与基线比较（tanhui-cli plan，运行文件夹 %4；docs/carbon-project.md &quot;Restoration plans&quot;）。以下所有差值均为规划减基线，取自规划运行的结果表。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Baseline after the last carbon date (%1): each parcel keeps its stock up to the horizon; a planted parcel keeps that stock and adds the planting&apos;s accrual (mangrove: carbon-methods.md §4 restoration; forest types: a young planting, §3.2).</source>
        <translation>最后碳日期（%1）之后的基线：各地块保持其储量至目标年；规划地块保持该储量并加上种植的累积量（红树林：carbon-methods.md §4 恢复；森林类型：幼林，§3.2）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Carbon difference in %1 by pool, plan minus baseline (t C; 95 % range)</source>
        <translation>%1 年各碳库的碳差值，规划减基线（t C；95 % 区间）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+42"/>
        <location filename="../app/report/ResultChartData.cpp" line="+27"/>
        <source>Difference (t C)</source>
        <translation>差值（t C）</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Difference (t CO2e)</source>
        <translation>差值（t CO2e）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>95 % range (t C)</source>
        <translation>95 % 区间（t C）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The total&apos;s range: percentiles of the per-iteration sums of the parcels&apos; differences; the pools have no range of their own.</source>
        <translation>合计的区间：各地块差值逐次迭代合计的百分位数；各碳库没有单独的区间。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Carbon difference in %1 by change of ecosystem type (t C)</source>
        <translation>%1 年按生态系统类型变化的碳差值（t C）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baseline type</source>
        <translation>基线类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target type</source>
        <translation>目标类型</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>GEP of the planted parcels by service: plan against baseline (%1 per year; 95 % range)</source>
        <translation>规划地块按服务类别的 GEP：规划与基线对比（%1/年；95 % 区间）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>GEP total</source>
        <translation>GEP 合计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net carbon source (next to GEP, not in it)</source>
        <translation>净碳源（列于 GEP 旁，不计入 GEP）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>GEP of the accounting year %1 (the baseline GEP run&apos;s year, its rasters, prices and profile) with the plan&apos;s ecosystem types and the baseline&apos;s carbon flux plus the planting&apos;s mean accrual to %2. Ranges: the accrual&apos;s Monte Carlo draws valued again, differences summed per iteration; services that do not depend on the accrual have none.</source>
        <translation>核算年 %1 的 GEP（基线 GEP 运行的年份、栅格、价格与核算规范），采用规划的生态系统类型，碳通量为基线通量加上至 %2 年的种植年均累积量。区间：对累积量的蒙特卡洛抽样逐一重新估值，差值按迭代合计；不依赖累积量的服务没有区间。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>GEP difference by service, plan minus baseline (%1 per year).</source>
        <translation>按服务类别的 GEP 差值，规划减基线（%1/年）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>GEP of the whole project: baseline %1, with the plan %2.</source>
        <translation>整个项目的 GEP：基线 %1，实施规划后 %2。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The %1 parcels with the largest GEP difference (carbon in t C; GEP in %2 per year)</source>
        <translation>GEP 差值最大的 %1 个地块（碳：t C；GEP：%2/年）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The %1 parcels with the largest carbon difference (t C)</source>
        <translation>碳差值最大的 %1 个地块（t C）</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>%1 is not a parcel layer of the project with an id field</source>
        <translation>%1 不是项目中带编号字段的地块图层</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>not in the plan</source>
        <translation>不在规划内</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1/a</source>
        <translation>%1/年</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>t C</source>
        <translation>t C</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Carbon difference, plan − baseline</source>
        <translation>碳差值（规划 − 基线）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Carbon difference per parcel in %1, plan minus baseline (t C; red: loss, green: gain).</source>
        <translation>%1 年各地块碳差值，规划减基线（t C；红色：减少，绿色：增加）。</translation>
    </message>
    <message>
        <location line="+195"/>
        <source>Appendix</source>
        <translation>附录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per-parcel results</source>
        <translation>逐地块结果</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Carbon: %1 rows × %2 columns in %3 (and parcels.gpkg with the geometries).</source>
        <translation>碳汇：%1 行 × %2 列，见 %3（几何图形见 parcels.gpkg）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>GEP: %1 rows in %2 (and its GeoPackage).</source>
        <translation>GEP：%1 行，见 %2（以及对应的 GeoPackage）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Runs</source>
        <translation>运行信息</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 run</source>
        <translation>%1运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Software</source>
        <translation>软件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project file</source>
        <translation>项目文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result folder</source>
        <translation>结果文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started (UTC)</source>
        <translation>开始时间（UTC）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished (UTC)</source>
        <translation>结束时间（UTC）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run time</source>
        <translation>运行时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 settings</source>
        <translation>%1设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 messages</source>
        <translation>%1消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Concerns</source>
        <translation>涉及</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>feature %1</source>
        <translation>要素 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 more messages are in the result set&apos;s manifest (resultset.json).</source>
        <translation>另有 %1 条消息见结果集清单（resultset.json）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restoration plan</source>
        <translation>恢复规划</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Carbon sink and ecosystem product value report</source>
        <translation>碳汇与生态产品价值核算报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carbon sink accounting report</source>
        <translation>碳汇核算报告</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accounting period: %1–%2</source>
        <translation>核算期：%1–%2 年</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carbon run finished: %1 UTC</source>
        <translation>碳汇运行完成：%1 UTC</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report generated: %1 UTC</source>
        <translation>报告生成：%1 UTC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Software: %1 %2</source>
        <translation>软件：%1 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Carbon stock %1: %2 t C</source>
        <translation>%1 年碳储量：%2 t C</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change %1–%2: %3 t C (%4 t CO2e)</source>
        <translation>%1–%2 年变化：%3 t C（%4 t CO2e）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>GEP: %1</source>
        <translation>GEP：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>ResultColumnLabels</name>
    <message>
        <location filename="../app/gui/ResultColumnLabels.cpp" line="+24"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+133"/>
        <source>Feature id</source>
        <translation>要素号</translation>
    </message>
    <message>
        <location line="-132"/>
        <location line="+1"/>
        <source>Parcel</source>
        <translation>地块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ecosystem type</source>
        <translation>生态系统类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Primary result</source>
        <translation>主结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method options</source>
        <translation>方法选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area of whole parcels</source>
        <translation>地块全部面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounted area</source>
        <translation>计入面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounted share</source>
        <translation>计入比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounting rule</source>
        <translation>计入规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note on bounds</source>
        <translation>区间说明</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flagged parameters</source>
        <translation>待核实参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share without data</source>
        <translation>无数据比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Geometry repaired</source>
        <translation>几何已修复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters used</source>
        <translation>所用参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why not computed</source>
        <translation>未计算原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why blank</source>
        <translation>空值原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parcels</source>
        <translation>地块数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computed</source>
        <translation>已计算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flagged parcels</source>
        <translation>有标记的地块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+129"/>
        <source>Carbon stock</source>
        <translation>碳储量</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Value at base-year prices</source>
        <translation>基年价格价值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of GEP</source>
        <translation>占 GEP 比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounting profile</source>
        <translation>核算方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price year</source>
        <translation>价格年份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price index</source>
        <translation>价格指数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Climate-regulation variant</source>
        <translation>气候调节算法</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ecosystem code</source>
        <translation>生态系统代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ecosystem</source>
        <translation>生态系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ecosystem from</source>
        <translation>生态系统来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carbon from</source>
        <translation>碳数据来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carbon interval</source>
        <translation>碳变化时段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carbon note</source>
        <translation>碳说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Material products</source>
        <translation>物质产品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regulating services</source>
        <translation>调节服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cultural services</source>
        <translation>文化服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEP</source>
        <translation>GEP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEP per hectare</source>
        <translation>单位面积 GEP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GEP of the accounted part</source>
        <translation>计入部分 GEP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carbon emission</source>
        <translation>碳排放</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carbon emission, value</source>
        <translation>碳排放价值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Potential erosion</source>
        <translation>潜在侵蚀量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slope capped</source>
        <translation>坡度截断比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Interval</source>
        <translation>时段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected</source>
        <translation>应为</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+56"/>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer counted</source>
        <translation>计入图层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer overlapped</source>
        <translation>被覆盖图层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overlap</source>
        <translation>重叠面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence tag</source>
        <translation>证据等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flagged</source>
        <translation>有标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Baseline ecosystem type</source>
        <translation>基线生态系统类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target ecosystem type</source>
        <translation>目标生态系统类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planting model</source>
        <translation>种植模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start year</source>
        <translation>起始年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Horizon year</source>
        <translation>期末年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baseline stock</source>
        <translation>基线储量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock with the plan</source>
        <translation>规划后储量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biomass difference</source>
        <translation>生物量碳差值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Soil carbon difference</source>
        <translation>土壤碳差值</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Carbon difference</source>
        <translation>碳差值</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Carbon difference as CO2</source>
        <translation>碳差值（CO2 当量）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean annual removal</source>
        <translation>年均清除量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carbon difference, 2.5th percentile</source>
        <translation>碳差值 2.5 百分位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carbon difference, median</source>
        <translation>碳差值 中位数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carbon difference, 97.5th percentile</source>
        <translation>碳差值 97.5 百分位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Baseline ecosystem</source>
        <translation>基线生态系统</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ecosystem with the plan</source>
        <translation>规划后生态系统</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Baseline carbon flux</source>
        <translation>基线碳通量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carbon flux the plan adds</source>
        <translation>规划新增碳通量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baseline GEP</source>
        <translation>基线 GEP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEP with the plan</source>
        <translation>规划后 GEP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEP difference</source>
        <translation>GEP 差值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carbon emission difference</source>
        <translation>碳排放差值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With the plan</source>
        <translation>规划后</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Difference, 2.5th percentile</source>
        <translation>差值 2.5 百分位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference, median</source>
        <translation>差值 中位数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Difference, 97.5th percentile</source>
        <translation>差值 97.5 百分位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Planar area</source>
        <translation>平面面积</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change %1</source>
        <translation>变化量 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change %1 as CO2</source>
        <translation>变化量 %1（CO2 当量）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annual change %1</source>
        <translation>年均变化 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change basis %1</source>
        <translation>变化依据 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accounted change %1</source>
        <translation>计入变化量 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accounted vegetation change %1</source>
        <translation>计入植被碳变化 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carbon moved in %1</source>
        <translation>转入碳量 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carbon moved out %1</source>
        <translation>转出碳量 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Coverage change %1</source>
        <translation>数据覆盖变化 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Carbon density %1</source>
        <translation>碳密度 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Area with a stock %1</source>
        <translation>有储量面积 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accounted stock %1</source>
        <translation>计入储量 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ecosystem type %1</source>
        <translation>生态系统类型 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parcels with a stock %1</source>
        <translation>有储量地块数 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1, difference</source>
        <translation>%1 差值</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1, quantity</source>
        <translation>%1 实物量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, value</source>
        <translation>%1 价值量</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: share of class %2</source>
        <translation>%1：类别 %2 占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: area of class %2</source>
        <translation>%1：类别 %2 面积</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>valid cells</source>
        <translation>有效像元数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sum</source>
        <translation>总和</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mean</source>
        <translation>平均值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>standard deviation</source>
        <translation>标准差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>majority class</source>
        <translation>众数类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minority class</source>
        <translation>最少类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>number of classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>area without data</source>
        <translation>无数据面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>area outside the raster</source>
        <translation>栅格外面积</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1, 2.5th percentile</source>
        <translation>%1 2.5 百分位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, median</source>
        <translation>%1 中位数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, 97.5th percentile</source>
        <translation>%1 97.5 百分位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, uncertainty</source>
        <translation>%1 不确定度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, 95 % half-width</source>
        <translation>%1 95% 半宽</translation>
    </message>
</context>
<context>
    <name>ResultLayerText</name>
    <message>
        <location filename="../app/gui/ResultLayer.cpp" line="+42"/>
        <source>Carbon stock density %1 (t C/ha)</source>
        <translation>%1 年碳密度（t C/ha）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Carbon stock change %1–%2 (t CO2e/ha)</source>
        <translation>%1–%2 年碳储量变化（t CO2e/ha）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>GEP per hectare (CNY/ha)</source>
        <translation>单位面积 GEP（元/ha）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Carbon difference, plan − baseline (t C)</source>
        <translation>碳差值，规划 − 基线（t C）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 has no field for %2: open a carbon parcels.gpkg (stock density and change), a GEP parcels_&lt;layer&gt;.gpkg (GEP per hectare) or a plan&apos;s plan_parcels.gpkg (difference).</source>
        <translation>%1 中没有%2所需的字段：请打开碳计算的 parcels.gpkg（碳密度和变化量）、GEP 的 parcels_&lt;图层&gt;.gpkg（单位面积 GEP）或规划的 plan_parcels.gpkg（差值）。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 – %2 %3</source>
        <translation>%1 – %2 %3</translation>
    </message>
</context>
<context>
    <name>SampleCommand</name>
    <message>
        <location filename="../app/cli/SampleCommand.cpp" line="+28"/>
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
        <location line="+21"/>
        <source>wrote %1 files in %2 s; project file: %3</source>
        <translation>已写出 %1 个文件，用时 %2 秒；项目文件：%3</translation>
    </message>
</context>
<context>
    <name>SoilCommand</name>
    <message>
        <location filename="../app/cli/SoilCommand.cpp" line="+32"/>
        <source>Cropland soil organic carbon per plot (carbon-methods.md §3.3, §3.7, §3.8; IPCC Eq. 2.25, Tier 1).

SOC_eq = SOC_REF × F_LU × F_MG × F_I (t C/ha, 0–30 cm). SOC_REF comes from soc_ref.csv for the
climate zone and soil class; F_LU from the plot&apos;s crop or land use (水田/水稻 → paddy rice, 旱地 and
annual crops → long-term cultivated, 园地/orchards → perennial); F_MG from its tillage (免耕 no-till,
少耕 reduced, default full); F_I from its inputs (秸秆还田 → medium; + 绿肥 → high without manure;
+ 有机肥/粪肥 → high with manure; burning/removal or nothing → low).
A plot whose practice started in year t_c moves linearly from SOC(t0) = SOC_eq before the change
(--before: low input, medium input or native land) to the new equilibrium over D = 20 years:
SOC(t) = SOC(t0) + (SOC_eq,new − SOC(t0)) × min(1, (t − t_c) / 20), then stays constant.
A practice with no start year is taken as established (at equilibrium, no change).

Outputs in --out DIR:
  parcels_soil.csv, parcels_soil.gpkg  per plot: land_use, tillage, input_before, input_after,
      change_year, climate_zone, soil_class, area_ha (ellipsoidal), soc_start_t_per_ha,
      soc_eq_t_per_ha, d_years; per year Y: soc_t_per_ha_Y, soc_t_Y (t C), flux_t_per_ha_yr_Y
      (SOC(Y) − SOC(Y − 1), t C/ha/yr, + = gain), flux_co2e_t_per_ha_yr_Y (t CO2e/ha/yr removed);
      per pair of years: change_t_Y1_Y2 (t C), rate_t_per_ha_yr_Y1_Y2, co2e_removal_t_Y1_Y2
      (t CO2e, + = removal, − = emission); flagged_parameters (rows tagged unconfirmed/secondary/
      example).
  totals_soil.csv   quantity,value,unit: soc_Y (t C), flux_Y (t C/yr), flux_co2e_Y (t CO2e/yr),
      change_Y1_Y2 (t C), co2e_removal_Y1_Y2 (t CO2e), area (ha), plot counts.
  parameters_used.csv  every table row used (value, unit, source, tag, edition, flagged) and the
      settings (climate zone, soil class, before state, years).

Example (the sample project):
  tanhui-cli carbon --method soil --parcels vectors/farmland_plots.gpkg --id 地块编码 \
      --crop-field 作物 --straw-year-field 秸秆还田起始年 --organic-field 施用有机肥 \
      --years 2015,2024 --out soil_out</source>
        <translation>按地块计算耕地土壤有机碳（carbon-methods.md §3.3、§3.7、§3.8；IPCC 式 2.25，Tier 1）。

SOC_eq = SOC_REF × F_LU × F_MG × F_I（t C/ha，0–30 cm）。SOC_REF 按气候区和土壤类型取自
soc_ref.csv；F_LU 取决于地块的作物或土地利用（水田/水稻 → 水稻田，旱地和一年生作物 → 长期耕作，
园地/果园 → 多年生）；F_MG 取决于耕作方式（免耕、少耕，默认常规翻耕）；F_I 取决于投入
（秸秆还田 → 中；+ 绿肥 → 高（无粪肥）；+ 有机肥/粪肥 → 高（有粪肥）；焚烧/移除或无 → 低）。
措施在 t_c 年开始的地块，从变化前的平衡值 SOC(t0)（--before：低投入、中投入或自然植被）
在 D = 20 年内线性趋近新的平衡值：
SOC(t) = SOC(t0) + (SOC_eq,new − SOC(t0)) × min(1, (t − t_c) / 20)，此后保持不变。
没有起始年份的措施视为已长期实行（处于平衡，无变化）。

--out DIR 中的输出：
  parcels_soil.csv、parcels_soil.gpkg  每个地块：land_use、tillage、input_before、input_after、
      change_year、climate_zone、soil_class、area_ha（椭球面积）、soc_start_t_per_ha、
      soc_eq_t_per_ha、d_years；每个年份 Y：soc_t_per_ha_Y、soc_t_Y（t C）、flux_t_per_ha_yr_Y
      （SOC(Y) − SOC(Y − 1)，t C/ha/yr，正值 = 增加）、flux_co2e_t_per_ha_yr_Y（清除的 t CO2e/ha/yr）；
      每对相邻年份：change_t_Y1_Y2（t C）、rate_t_per_ha_yr_Y1_Y2、co2e_removal_t_Y1_Y2
      （t CO2e，正值 = 清除，负值 = 排放）；flagged_parameters（标记为未确认/二手/示例的行）。
  totals_soil.csv   quantity,value,unit：soc_Y（t C）、flux_Y（t C/yr）、flux_co2e_Y（t CO2e/yr）、
      change_Y1_Y2（t C）、co2e_removal_Y1_Y2（t CO2e）、area（ha）、地块计数。
  parameters_used.csv  所用的每个表行（数值、单位、来源、标记、版本、是否标记）及设置
      （气候区、土壤类型、变化前状态、年份）。

示例（示例项目）：
  tanhui-cli carbon --method soil --parcels vectors/farmland_plots.gpkg --id 地块编码 \
      --crop-field 作物 --straw-year-field 秸秆还田起始年 --organic-field 施用有机肥 \
      --years 2015,2024 --out soil_out</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>FIELD</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>soil (this method).</source>
        <translation>soil（本方法）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+6"/>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Plot polygon layer (e.g. farmland_plots.gpkg).</source>
        <translation>地块面图层（例如 farmland_plots.gpkg）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plot id field (default: the feature id).</source>
        <translation>地块编号字段（默认：要素 ID）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layer name in a multi-layer source.</source>
        <translation>多图层数据源中的图层名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attribute encoding of a shapefile.</source>
        <translation>Shapefile 的属性编码。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ENC</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CRS to assign to a layer that has none.</source>
        <translation>为没有坐标系的图层指定坐标系。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CRS</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Field with the crop or land use (e.g. 作物: 水稻, 蔬菜, 荔枝); required.</source>
        <translation>作物或土地利用字段（例如 作物：水稻、蔬菜、荔枝）；必填。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Field with the practice text (e.g. 秸秆还田+有机肥, 免耕, 秸秆焚烧); optional.</source>
        <translation>措施文字字段（例如 秸秆还田+有机肥、免耕、秸秆焚烧）；可选。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Field with the year the current practice started; optional.</source>
        <translation>当前措施起始年份字段；可选。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Field with the year straw return started (null: no straw return; e.g. 秸秆还田起始年); also the change year when --practice-year-field is not given.</source>
        <translation>秸秆还田起始年份字段（空值：未秸秆还田；例如 秸秆还田起始年）；未给出 --practice-year-field 时也作为变化年份。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Field saying whether organic fertiliser is applied (是/否, yes/no).</source>
        <translation>是否施用有机肥的字段（是/否、yes/no）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>IPCC climate zone (§3.4), a climate_zone of the tables; default tropical_moist.</source>
        <translation>IPCC 气候区（§3.4），表中的一个 climate_zone；默认 tropical_moist。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ZONE</source>
        <translation>气候区</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Soil class (§3.8: hac, lac, sandy, volcanic, wetland); default lac (lateritic red soils).</source>
        <translation>土壤类型（§3.8：hac、lac、sandy、volcanic、wetland）；默认 lac（砖红壤/赤红壤）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CLASS</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>State before a practice change: low (residues removed or burned, full tillage; default), medium, or native (land converted to cropland at the change year).</source>
        <translation>措施变化前的状态：low（秸秆移除或焚烧、常规翻耕；默认）、medium，或 native（变化年份由自然植被开垦为耕地）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Years to report, comma separated (e.g. 2015,2024); required.</source>
        <translation>要报告的年份，逗号分隔（例如 2015,2024）；必填。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LIST</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV whose rows replace rows of soc_ref.csv (climate_zone, soil_class, soc_ref in t C/ha).</source>
        <translation>其行按键替换 soc_ref.csv 对应行的 CSV（climate_zone、soil_class、soc_ref（t C/ha））。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>CSV whose rows replace rows of soil_factors.csv (climate_zone, factor, level, value, d_years).</source>
        <translation>其行按键替换 soil_factors.csv 对应行的 CSV（climate_zone、factor、level、value、d_years）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Output folder (created if missing).</source>
        <translation>输出文件夹（不存在时创建）。</translation>
    </message>
    <message>
        <location line="+0"/>
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
        <location line="+2"/>
        <source>No progress bar and no summary.</source>
        <translation>不显示进度条和摘要。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--years must list whole years separated by commas (e.g. 2015,2024), not &apos;%1&apos;</source>
        <translation>--years 必须是以逗号分隔的整数年份（例如 2015,2024），而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--before must be low, medium or native, not &apos;%1&apos;</source>
        <translation>--before 必须是 low、medium 或 native，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>%1 parameter row(s) used are tagged unconfirmed, secondary or example (listed in parameters_used.csv, flagged per plot)</source>
        <translation>所用参数中有 %1 行标记为未确认、二手或示例（列于 parameters_used.csv，并在每个地块中标记）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>soil carbon in %1: %2 t C over %3 ha in %4 plot(s) (%5 with a practice change); zone %6, soil %7</source>
        <translation>%1 年土壤碳：%2 t C，面积 %3 ha，%4 个地块（其中 %5 个有措施变化）；气候区 %6，土壤 %7</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 plot(s) in %2 s; wrote %3</source>
        <translation>%1 个地块，用时 %2 秒；已写入 %3</translation>
    </message>
</context>
<context>
    <name>StyleJson</name>
    <message>
        <location filename="../render/StyleJson.cpp" line="+25"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>style</source>
        <translation>样式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>must be a JSON object</source>
        <translation>必须是 JSON 对象</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+11"/>
        <source>%1 is outside %2 to %3</source>
        <translation>%1 超出 %2 至 %3 的范围</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must be a text</source>
        <translation>必须是文本</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&quot;%1&quot; is not a colour (#rrggbb or #aarrggbb)</source>
        <translation>“%1”不是颜色（应为 #rrggbb 或 #aarrggbb）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a non-text value</source>
        <translation>非文本值</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be an array</source>
        <translation>必须是数组</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>“%1”不是 %2 之一</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>must be an array of [position, colour]</source>
        <translation>必须是 [位置, 颜色] 组成的数组</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be [position, colour], e.g. [0.5, &quot;#ffcc00&quot;]</source>
        <translation>必须是 [位置, 颜色]，例如 [0.5, &quot;#ffcc00&quot;]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>position %1 is outside 0 to 1</source>
        <translation>位置 %1 超出 0 至 1 的范围</translation>
    </message>
</context>
<context>
    <name>TimeSeries</name>
    <message>
        <location filename="../models/TimeSeries.cpp" line="+169"/>
        <source>Choose several single-band rasters (one file per date) or one multiband raster (one band per date).</source>
        <translation>请选择多个单波段栅格（每个日期一个文件）或一个多波段栅格（每个日期一个波段）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 has one band: a series of one file needs one band per date; choose several single-band files instead.</source>
        <translation>%1 只有一个波段：由单个文件组成的序列需要每个日期一个波段；请改为选择多个单波段文件。</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%1 has %n band(s); a series of several files takes one band per file (one file per date). Make a multiband file a series on its own (one band per date).</source>
        <translation>
            <numerusform>%1 有 %n 个波段；由多个文件组成的序列每个文件只取一个波段（每个日期一个文件）。请将多波段文件单独设为一个序列（每个日期一个波段）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 has no coordinate reference system.</source>
        <translation>%1 没有坐标参考系。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is in %2, %3 in %4: the dates of a series must share one CRS (reproject it with gdalwarp first).</source>
        <translation>%1 的坐标系为 %2，%3 的为 %4：同一序列的各日期必须使用同一坐标系（请先用 gdalwarp 重投影）。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 is on another grid than %2 (%3 × %4 cells of %5 × %6): allowed, each date&apos;s parcel statistics are computed on its own grid.</source>
        <translation>%1 与 %2 的格网不同（%3 × %4 个像元，像元大小 %5 × %6）：允许，各日期的地块统计在各自的格网上计算。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: no date; type one (YYYY or YYYY-MM-DD).</source>
        <translation>%1：没有日期；请输入（YYYY 或 YYYY-MM-DD）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: &quot;%2&quot; is not a date (YYYY or YYYY-MM-DD).</source>
        <translation>%1：“%2”不是日期（应为 YYYY 或 YYYY-MM-DD）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is the date of %2: each date of a series needs its own year.</source>
        <translation>%1 同时是 %2 的日期：序列中每个日期须有各自的年份。</translation>
    </message>
</context>
<context>
    <name>Uncertainty</name>
    <message>
        <location filename="../models/uncertainty/UncertainParameters.cpp" line="+50"/>
        <source>none given (treated as exact)</source>
        <translation>未给出（按精确值处理）</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&apos;%1&apos; is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the uncertainty must be ≥ 0 %, not %1</source>
        <translation>不确定性必须 ≥ 0 %，而不是 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the uncertainty is %1 %; percentages are written as percent (30 means ±30 %), so %1 looks like a fraction (did you mean %2?)</source>
        <translation>不确定度为 %1 %；百分数应按百分数填写（30 表示 ±30 %），%1 看起来像小数（是否应为 %2？）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the standard deviation must be ≥ 0, not %1</source>
        <translation>标准差必须 ≥ 0，而不是 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown distribution &apos;%1&apos;; use normal, truncnormal, lognormal, triangular, uniform or fixed</source>
        <translation>未知的分布“%1”；请使用 normal、truncnormal、lognormal、triangular、uniform 或 fixed</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>definitional constant (exact): %1</source>
        <translation>定义性常数（精确值）：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>default for the kind &apos;%1&apos;: %2</source>
        <translation>参数类别“%1”的默认值：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1, row %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>bounds are given without a distribution: set %1 to triangular or uniform</source>
        <translation>给出了上下限但没有指定分布：请将 %1 设为 triangular 或 uniform</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>a %1 distribution needs %2 or %3</source>
        <translation>%1 分布需要 %2 或 %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a lognormal distribution needs a positive value, not %1</source>
        <translation>对数正态分布需要正值，而不是 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>a %1 distribution needs %2 and %3</source>
        <translation>%1 分布需要 %2 和 %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the value %1 must lie within [%2, %3]</source>
        <translation>取值 %1 必须位于 [%2, %3] 之内</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the lower bound %1 is negative but %2 cannot be</source>
        <translation>下限 %1 为负，但 %2 不能为负</translation>
    </message>
</context>
<context>
    <name>ZonalCommand</name>
    <message>
        <location filename="../app/cli/ZonalCommand.cpp" line="+36"/>
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
        <location line="+36"/>
        <source>%1 band %2: every cell under the parcels of %3 is nodata (or NaN); its statistics are empty. Check the raster&apos;s nodata value and that it is the file you meant.</source>
        <translation>%1 第 %2 波段：%3 各地块覆盖的像元全部为无数据值（或 NaN），统计结果为空。请检查该栅格的无数据值设置，并确认文件选择正确。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 band %2 does not overlap any parcel of %3; its statistics are empty. Check that both files have the right CRS and cover the same area.</source>
        <translation>%1 第 %2 波段与 %3 的任何地块都不重叠，统计结果为空。请检查两个文件的坐标参考系是否正确、范围是否一致。</translation>
    </message>
    <message>
        <location line="+17"/>
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
        <location line="+29"/>
        <source>%1: %2 s</source>
        <translation>%1：%2 秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reading and checking parcels</source>
        <translation>读取并检查地块</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>zonal statistics</source>
        <translation>分区统计</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+6"/>
        <source>cancelled; %1 was not written or changed</source>
        <translation>已取消；%1 未写出，也未被修改</translation>
    </message>
</context>
<context>
    <name>ZonalTable</name>
    <message>
        <location filename="../models/ZonalTable.cpp" line="-184"/>
        <source>Feature id in the parcel layer</source>
        <translation>地块图层中的要素编号</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Parcel id</source>
        <translation>地块编号</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ellipsoidal (true) area of the parcel, ha</source>
        <translation>地块的椭球面（真实）面积，公顷</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Planar area in the layer&apos;s projected CRS, ha</source>
        <translation>图层投影坐标系下的平面面积，公顷</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>1 when the input geometry was invalid and was repaired</source>
        <translation>输入几何无效并已修复时为 1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Coverage-weighted count of valid cells</source>
        <translation>按覆盖比例加权的有效像元数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Coverage-weighted sum of cell values (value × cells)</source>
        <translation>按覆盖比例加权的像元值之和（值 × 像元数）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Coverage-weighted mean value</source>
        <translation>按覆盖比例加权的平均值</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Smallest value of a covered valid cell</source>
        <translation>被覆盖的有效像元的最小值</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Largest value of a covered valid cell</source>
        <translation>被覆盖的有效像元的最大值</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Coverage-weighted population standard deviation</source>
        <translation>按覆盖比例加权的总体标准差</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Value covering the largest area</source>
        <translation>覆盖面积最大的值（众数）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Value covering the smallest area</source>
        <translation>覆盖面积最小的值（少数）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Number of distinct values</source>
        <translation>不同取值的个数</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>band %1 has %2 distinct values: class shares and areas (frac, area) are for categorical rasters such as land cover (at most %3 classes). For a continuous raster use mean, sum, min, max or stdev.</source>
        <translation>波段 %1 有 %2 个不同的值：类别占比和面积（frac、area）仅适用于土地覆盖等分类栅格（最多 %3 个类别）。连续值栅格请使用 mean、sum、min、max 或 stdev。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Share of the valid covered area in class %1 (0–1)</source>
        <translation>类别 %1 占有效覆盖面积的比例（0–1）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>True area of class %1, ha</source>
        <translation>类别 %1 的真实面积，公顷</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>True area of covered nodata cells, ha</source>
        <translation>被覆盖的无数据像元的真实面积，公顷</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Part of the parcel outside the raster, ha</source>
        <translation>地块位于栅格范围之外的面积，公顷</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+258"/>
        <source>Tanhui: desktop GIS for carbon sinks and ecosystem product value.</source>
        <translation>碳汇：面向碳汇与生态产品价值核算的桌面 GIS。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Raster or vector files, or project files (project.tanhui.json), to open.</source>
        <translation>要打开的栅格、矢量文件或项目文件（project.tanhui.json）。</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::AnalysisDialog</name>
    <message>
        <location filename="../app/gui/AnalysisDialog.cpp" line="+95"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+129"/>
        <location line="+59"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="-187"/>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Default: %1</source>
        <translation>默认值：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1, to confirm</source>
        <translation>%1，待核实</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence: %1</source>
        <translation>证据等级：%1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+65"/>
        <location line="+152"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Built-in table</source>
        <translation>内置参数表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Several values separated by &apos;;&apos;</source>
        <translation>多个值以“;”分隔</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>%1 (not found)</source>
        <translation>%1（未找到）</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n problem(s) must be fixed before the analysis can run.</source>
        <translation>
            <numerusform>有 %n 个问题须先修正，分析才能运行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Ready to run, with %n warning(s) to read.</source>
        <translation>
            <numerusform>可以运行；请阅读 %n 条警告。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready to run.</source>
        <translation>可以运行。</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::AttributeTable</name>
    <message>
        <location filename="../app/gui/AttributeTable.cpp" line="+109"/>
        <source>Filter: text in any field</source>
        <translation>筛选：任一字段包含的文字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show selected only</source>
        <translation>仅显示所选要素</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom to Selection</source>
        <translation>缩放至所选要素</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom the map to the selected features</source>
        <translation>将地图缩放至所选要素</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear Selection</source>
        <translation>清除选择</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>%1: %2 of %3 features, %4 selected</source>
        <translation>%1：显示 %2 / 共 %3 个要素，已选 %4 个</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::AttributeTableModel</name>
    <message>
        <location line="-184"/>
        <source>FID</source>
        <translation>FID</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::ChartsDock</name>
    <message>
        <location filename="../app/gui/ChartsDock.cpp" line="+7"/>
        <source>Result Charts</source>
        <translation>结果图表</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Result &amp;Charts</source>
        <translation>结果图表(&amp;C)</translation>
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
    <name>tanhui::gui::FieldMappingDialog</name>
    <message>
        <location filename="../app/gui/FieldMappingDialog.cpp" line="+36"/>
        <source>Field Mapping — %1</source>
        <translation>字段映射 — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose which field of &lt;b&gt;%1&lt;/b&gt; holds each attribute the analyses read. Suggestions come from the fields&apos; names and values; the mapping is saved in the project for this layer.</source>
        <translation>为分析所读取的每个属性选择 &lt;b&gt;%1&lt;/b&gt; 中对应的字段。建议依据字段名和字段值给出；映射按图层保存在项目中。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The layer&apos;s fields cannot be read: %1</source>
        <translation>无法读取该图层的字段：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Suggested from</source>
        <translation>建议依据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First values</source>
        <translation>前几个取值</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+97"/>
        <source>your choice</source>
        <translation>您的选择</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Suggest Again</source>
        <translation>重新建议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace every choice by the suggestion from the fields&apos; names and values</source>
        <translation>用依据字段名和字段值的建议替换所有选择</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>no matching field</source>
        <translation>无匹配字段</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>saved in the project</source>
        <translation>项目中已保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>field name</source>
        <translation>字段名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>field values</source>
        <translation>字段值</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::JobManager</name>
    <message>
        <location filename="../app/gui/JobManager.cpp" line="+65"/>
        <source>The analysis stopped before writing anything.</source>
        <translation>分析在写出任何结果之前已停止。</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>The analysis failed with an unknown error.</source>
        <translation>分析因未知错误而失败。</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::JobsDock</name>
    <message>
        <location filename="../app/gui/JobsDock.cpp" line="+35"/>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clear Finished</source>
        <translation>清除已结束</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the jobs that have ended from the list (their results stay on disk)</source>
        <translation>从列表中移除已结束的任务（结果仍保留在磁盘上）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No jobs. The analyses you run appear here while they run and after.</source>
        <translation>暂无任务。运行的分析会在运行期间及结束后显示在这里。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Job finished: %1 (%2)</source>
        <translation>任务完成：%1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Job failed: %1</source>
        <translation>任务失败：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Job cancelled: %1</source>
        <translation>任务已取消：%1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Remove from the list (the results stay on disk)</source>
        <translation>从列表中移除（结果仍保留在磁盘上）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop this job; a run that stops leaves its output folder as it was</source>
        <translation>停止此任务；停止的运行不会改动其输出文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Results</source>
        <translation>打开结果</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Waiting for the jobs before it</source>
        <translation>等待前面的任务完成</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>elapsed %1</source>
        <translation>已用 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>about %1 left</source>
        <translation>剩余约 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>estimating time left…</source>
        <translation>正在估算剩余时间…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finished in %1</source>
        <translation>用时 %1 完成</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n file(s) in %1</source>
        <translation>
            <numerusform>%n 个文件，位于 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 条警告</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelled after %1</source>
        <translation>运行 %1 后取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled before it started</source>
        <translation>开始前已取消</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n running</source>
        <translation>
            <numerusform>%n 个运行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n queued</source>
        <translation>
            <numerusform>%n 个排队中</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tanhui::gui::LayerTree</name>
    <message>
        <location filename="../app/gui/LayerTree.cpp" line="+120"/>
        <source>Group %1</source>
        <translation>图层组 %1</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::LayoutDialog</name>
    <message>
        <location filename="../app/gui/LayoutDialog.cpp" line="+55"/>
        <location line="+276"/>
        <source>Map Layout</source>
        <translation>地图布局</translation>
    </message>
    <message>
        <location line="-268"/>
        <source>New layout</source>
        <translation>新建布局</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Layout:</source>
        <translation>布局：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last date</source>
        <translation>最新年份</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Page:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orientation:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution:</source>
        <translation>分辨率：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Margins:</source>
        <translation>页边距：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale bar</source>
        <translation>比例尺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>North arrow</source>
        <translation>指北针</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coordinate grid</source>
        <translation>坐标格网</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overview inset</source>
        <translation>鹰眼图</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extent of the current view (else the full extent)</source>
        <translation>使用当前视图范围（否则为全图范围）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save to Project</source>
        <translation>保存到项目(&amp;S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export Map</source>
        <translation>导出地图</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf);;SVG 图形 (*.svg)</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>The map could not be exported to %1.</source>
        <translation>无法将地图导出到 %1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The layout needs a name.</source>
        <translation>布局需要一个名称。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a name for the layout, e.g. &quot;Land cover 2024&quot;.</source>
        <translation>请为布局输入名称，例如“2024 年土地覆被”。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The project could not be saved.</source>
        <translation>无法保存项目。</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::MainWindow</name>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="+174"/>
        <source>Layer Properties</source>
        <translation>图层属性</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Feature / field</source>
        <translation>要素 / 字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identify Results</source>
        <translation>识别结果</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Parcel Series</source>
        <translation>地块时间序列</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>GDAL %1</source>
        <translation>GDAL %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Scale 1:%1</source>
        <translation>比例尺 1:%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+4"/>
        <source>x %1, y %2</source>
        <translation>X %1，Y %2</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>%1°, %2°</source>
        <translation>%1°，%2°</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  (lon %1°, lat %2°)</source>
        <translation>（经度 %1°，纬度 %2°）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No CRS</source>
        <translation>无坐标参考系</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Click to change the map&apos;s coordinate reference system</source>
        <translation>单击以更改地图的坐标参考系</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1342"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="-1339"/>
        <source>Step the map through the dates</source>
        <translation>按日期逐期播放地图</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Select the rasters of the series first.</source>
        <translation>请先选择序列的栅格。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select several single-band rasters (one file per date) or one multiband raster (one band per date) in the Layers panel; Ctrl+click selects several.</source>
        <translation>请在“图层”面板中选择多个单波段栅格（每个日期一个文件）或一个多波段栅格（每个日期一个波段）；按住 Ctrl 单击可多选。</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+38"/>
        <source>The time series was not made.</source>
        <translation>未能创建时间序列。</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>It needs raster layers, a role and their dates.</source>
        <translation>需要栅格图层、数据类型及其日期。</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1 series %2–%3</source>
        <translation>%1 序列 %2–%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 series %2–%3 (%4)</source>
        <translation>%1 序列 %2–%3（%4）</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Made the time series %1 (%n date(s))</source>
        <translation>
            <numerusform>已创建时间序列 %1（%n 个日期）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+62"/>
        <source>… %n more</source>
        <translation>
            <numerusform>…… 另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Feature %1</source>
        <translation>要素 %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Band %1</source>
        <translation>波段 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Identified %n layer(s) at the clicked point</source>
        <translation>
            <numerusform>在单击处识别了 %n 个图层</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Not on the map: the raster has no coordinate reference system.</source>
        <translation>未显示在地图上：该栅格没有坐标参考系。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not on the map: the layer has no coordinate reference system.</source>
        <translation>未显示在地图上：该图层没有坐标参考系。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not on the map: %1</source>
        <translation>未显示在地图上：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+60"/>
        <location line="+16"/>
        <location line="+1773"/>
        <source>Open a project first.</source>
        <translation>请先打开一个项目。</translation>
    </message>
    <message>
        <location line="-1849"/>
        <source>A restoration plan is saved in a project.</source>
        <translation>修复规划保存在项目中。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Choose a parcel layer of the project in the Layers panel first</source>
        <translation>请先在图层面板中选择项目的地块图层</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved the field mapping of %1 in %2</source>
        <translation>已将 %1 的字段映射保存到 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Parameter tables are kept with a project.</source>
        <translation>参数表随项目保存。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A map layout is made from a project&apos;s layers and saved in it.</source>
        <translation>地图布局由项目的图层制作，并保存在项目中。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved the layout in %1</source>
        <translation>已将布局保存到 %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a Tanhui project (project.tanhui.json) and add its layers</source>
        <translation>打开碳汇项目（project.tanhui.json）并加载其中的图层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent Project</source>
        <translation>最近的项目(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save Project</source>
        <translation>保存工程(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the project with its layers, styles, view and date</source>
        <translation>保存工程及其图层、样式、视图和日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save Project &amp;As…</source>
        <translation>工程另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re&amp;locate Missing Layers…</source>
        <translation>重新定位缺失图层(&amp;L)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Point the project&apos;s missing layers at their files&apos; new places</source>
        <translation>为工程中缺失的图层指定文件的新位置</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+1"/>
        <source>Open Res&amp;ults…</source>
        <translation>打开结果(&amp;U)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Map &amp;Layout…</source>
        <translation>地图布局(&amp;L)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restoration &amp;Plans…</source>
        <translation>修复规划(&amp;P)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Parameter &amp;Tables…</source>
        <translation>参数表(&amp;T)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>View and edit the project&apos;s parameter tables (carbon pools, species, soil factors, GEP prices …)</source>
        <translation>查看和编辑项目的参数表（碳库、树种、土壤因子、GEP 价格……）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lay out, export and save a map of the project (PNG, PDF, SVG)</source>
        <translation>编排、导出并保存项目地图（PNG、PDF、SVG）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;Report…</source>
        <translation>导出报告(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the valuation report (PDF or HTML) from the runs&apos; result folders</source>
        <translation>根据运行结果文件夹写出核算报告（PDF 或 HTML）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;move Layer</source>
        <translation>移除图层(&amp;M)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;Full</source>
        <translation>全图显示(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom to &amp;Layer</source>
        <translation>缩放至图层(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Pan Map</source>
        <translation>平移地图(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drag to move the map; click to identify features</source>
        <translation>拖动以移动地图；单击以识别要素</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Select Features</source>
        <translation>选择要素(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click or drag a rectangle to select features of the current layer; Shift adds, Ctrl toggles</source>
        <translation>单击或拖出矩形以选择当前图层的要素；按住 Shift 添加，按住 Ctrl 切换</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measure &amp;Line</source>
        <translation>测量距离(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click to add vertices, right-click to finish; lengths are ellipsoidal (on the CRS&apos;s ellipsoid)</source>
        <translation>单击添加节点，右键结束；长度按坐标参考系的椭球体计算</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measure &amp;Area</source>
        <translation>测量面积(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+J</source>
        <translation>Ctrl+Shift+J</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click to add vertices, right-click to finish; areas are ellipsoidal (on the CRS&apos;s ellipsoid)</source>
        <translation>单击添加节点，右键结束；面积按坐标参考系的椭球体计算</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Zoom to Selectio&amp;n</source>
        <translation>缩放至所选要素(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Clear Selection</source>
        <translation>清除选择(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Layer &amp;Styling Panel</source>
        <translation>图层样式面板（&amp;S）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Layer</source>
        <translation>图层(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Attribute Table</source>
        <translation>打开属性表(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show every feature of the current polygon layer in a table</source>
        <translation>在表格中显示当前面图层的全部要素</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Field Mapping…</source>
        <translation>字段映射(&amp;F)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose which field of the current parcel layer holds each attribute the analyses read</source>
        <translation>为分析读取的每个属性选择当前地块图层中的对应字段</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Opacity…</source>
        <translation>不透明度(&amp;O)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Style…</source>
        <translation>样式（&amp;S）…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Style the current layer in the Layer Styling panel</source>
        <translation>在图层样式面板中设置当前图层的符号化</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add &amp;Group</source>
        <translation>添加图层组(&amp;G)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the current layer in a new group; drag layers onto a group to add them</source>
        <translation>将当前图层放入新的图层组；把图层拖到组上即可加入该组</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Ungroup</source>
        <translation>取消分组(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the current group, keeping its layers in place</source>
        <translation>删除当前图层组，其中的图层保留在原位置</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Make &amp;Time Series…</source>
        <translation>创建时间序列(&amp;T)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Group the selected rasters into a time series: one file or one band per date</source>
        <translation>将所选栅格组成时间序列：每个日期一个文件或一个波段</translation>
    </message>
    <message>
        <location line="-218"/>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1…</source>
        <translation>%1…</translation>
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
        <location line="+215"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Tanhui</source>
        <translation>碳汇</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+253"/>
        <source>Unexpected error while loading %1</source>
        <translation>加载 %1 时发生意外错误</translation>
    </message>
    <message>
        <location line="-215"/>
        <source>Loaded %1</source>
        <translation>已加载 %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Recover Unsaved Changes</source>
        <translation>恢复未保存的更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has unsaved changes from %2 (autosave). Recover them?

No discards them.</source>
        <translation>%1 有 %2 自动保存的未保存更改。是否恢复？

选择“否”将丢弃这些更改。</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Recovered the unsaved changes of %1</source>
        <translation>已恢复 %1 的未保存更改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The workspace saved in %1 was not restored entirely; defaults are used where it is wrong.</source>
        <translation>%1 中保存的工作区未能完全恢复；有误之处使用默认设置。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>File ▸ Relocate Missing Layers… finds the missing files.</source>
        <translation>可用“文件 ▸ 重新定位缺失图层…”查找缺失的文件。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The project %1 has %n problem(s); the other layers were loaded.</source>
        <translation>
            <numerusform>项目 %1 有 %n 个问题；其余图层已加载。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tanhui projects (*.tanhui.json);;JSON files (*.json)</source>
        <translation>碳汇项目 (*.tanhui.json);;JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location line="+112"/>
        <source>The project has no dated NDVI or land-cover rasters to chart.</source>
        <translation>项目中没有可绘制的逐期 NDVI 或土地覆盖栅格。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Feature %1 of %2</source>
        <translation>%2 的要素 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2（%3）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The series cannot be computed: %1</source>
        <translation>无法计算时间序列：%1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 km</source>
        <translation>%1 千米</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+9"/>
        <source>Cannot measure here: the points cannot be placed on the ellipsoid</source>
        <translation>无法在此测量：这些点无法换算到椭球体上</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Area %1 ha (%2 m²)
Perimeter %3
Ellipsoidal, %4</source>
        <translation>面积 %1 公顷（%2 平方米）
周长 %3
椭球面计算，%4</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Length %1 (last segment %2)
Ellipsoidal, %3</source>
        <translation>长度 %1（最后一段 %2）
椭球面计算，%3</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The file no longer exists</source>
        <translation>该文件已不存在</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+24"/>
        <source>Build Overviews</source>
        <translation>构建金字塔</translation>
    </message>
    <message numerus="yes">
        <location line="-23"/>
        <source>%n large raster(s) have no overviews, so every full view reads all their cells:

%1

Build overviews now (a .ovr file beside each raster; the rasters themselves are not changed)?</source>
        <translation>
            <numerusform>%n 个大型栅格没有金字塔（概视图），每次全图显示都要读取其全部像元：

%1

现在构建金字塔吗？（在每个栅格旁生成 .ovr 文件，栅格本身不会被修改）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Building overviews of %1…</source>
        <translation>正在构建 %1 的金字塔…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Building overviews…</source>
        <translation>正在构建金字塔…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Cannot reopen %1</source>
        <translation>无法重新打开 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The overviews were not built</source>
        <translation>未能构建金字塔</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Building overviews cancelled; no overview file was left</source>
        <translation>已取消构建金字塔，未留下金字塔文件</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Built the overviews of %n raster(s)</source>
        <translation>
            <numerusform>已为 %n 个栅格构建金字塔</numerusform>
        </translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Layer Opacity</source>
        <translation>图层不透明度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opacity of %1 (%):</source>
        <translation>%1 的不透明度（%）：</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+5"/>
        <source>Unknown coordinate reference system &quot;%1&quot;</source>
        <translation>未知的坐标参考系“%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give an EPSG code such as EPSG:4547 (CGCS2000 / 3-degree Gauss-Kruger CM 114E).</source>
        <translation>请输入 EPSG 代码，例如 EPSG:4547（CGCS2000 / 3 度高斯-克吕格 中央经线 114°E）。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Map CRS</source>
        <translation>地图坐标参考系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coordinate reference system of the map (e.g. EPSG:4547, EPSG:4490, EPSG:32649):</source>
        <translation>地图的坐标参考系（例如 EPSG:4547、EPSG:4490、EPSG:32649）：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language applies when Tanhui is started again.</source>
        <translation>新的语言将在下次启动碳汇时生效。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Attribute Table</source>
        <translation>属性表</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Attribute Table — %1</source>
        <translation>属性表 — %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a polygon layer in the Layers panel first</source>
        <translation>请先在“图层”面板中选择一个面图层</translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>%n feature(s) selected on %1</source>
        <translation>
            <numerusform>已在 %1 上选择 %n 个要素</numerusform>
        </translation>
    </message>
    <message>
        <location line="+65"/>
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
    <message>
        <location line="+31"/>
        <source>Report written: %1</source>
        <translation>报告已写出：%1</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>workspace.layers[%1]: the project has no layer &quot;%2&quot;; it is ignored</source>
        <translation>workspace.layers[%1]：工程中没有图层“%2”，已忽略</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>workspace.layers[%1]: layer &quot;%2&quot; is not a %3 layer; its style is ignored</source>
        <translation>workspace.layers[%1]：图层“%2”不是%3图层，其样式已忽略</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>raster</source>
        <translation>栅格</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>polygon</source>
        <translation>面</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>workspace.date: %1 is not a date of the project&apos;s land cover</source>
        <translation>workspace.date：%1 不是工程土地覆被的年份</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>workspace.view.crs: &quot;%1&quot; is not a known coordinate reference system</source>
        <translation>workspace.view.crs：“%1”不是已知的坐标参考系</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>workspace.current: the project has no layer &quot;%1&quot;</source>
        <translation>workspace.current：工程中没有图层“%1”</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The project has no file yet.</source>
        <translation>工程尚未保存为文件。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Use File ▸ Save Project As… to choose one.</source>
        <translation>请用“文件 ▸ 工程另存为…”选择文件。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The project was not saved: %1</source>
        <translation>工程未保存：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save Project As</source>
        <translation>工程另存为</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tanhui projects (*.tanhui.json)</source>
        <translation>Tanhui 工程 (*.tanhui.json)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The project has unsaved changes. Save them?</source>
        <translation>工程有未保存的更改。是否保存？</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Analyses Running</source>
        <translation>分析正在运行</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n analysis(es) are still running or queued. Quitting cancels them; their output folders stay as they were before the run.

Cancel them and quit?</source>
        <translation>
            <numerusform>仍有 %n 项分析正在运行或排队。退出将取消它们；其输出文件夹保持运行前的状态。

取消这些分析并退出？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+72"/>
        <source>%1: not a missing layer of the project</source>
        <translation>%1：不是工程中缺失的图层</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Layer %1: the file %2 does not exist</source>
        <translation>图层 %1：文件 %2 不存在</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%n layer(s) could not be relocated</source>
        <translation>
            <numerusform>%n 个图层无法重新定位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Relocated %n layer(s); save the project to keep them</source>
        <translation>
            <numerusform>已重新定位 %n 个图层；保存工程后生效</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No layer of the project is missing</source>
        <translation>工程中没有缺失的图层</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open Results</source>
        <translation>打开结果</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The results were not opened.</source>
        <translation>未能打开结果。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>An analysis runs on the layers of the open project.</source>
        <translation>分析在当前打开项目的图层上运行。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The results of “%1” belong to %2, not to the open project; they are in %3.</source>
        <translation>“%1”的结果属于 %2，而不是当前打开的项目；结果位于 %3。</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::MapCanvas</name>
    <message>
        <location filename="../app/gui/MapCanvas.cpp" line="+159"/>
        <source>The map could not be drawn</source>
        <translation>无法绘制地图</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Drawing…</source>
        <translation>正在绘制…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 km</source>
        <translation>%1 千米</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 m</source>
        <translation>%1 米</translation>
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
<context>
    <name>tanhui::gui::ParameterTableDialog</name>
    <message>
        <location filename="../app/gui/ParameterTableDialog.cpp" line="+28"/>
        <source>Parameter Tables</source>
        <translation>参数表</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Add Row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove Row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The project lists no parameter tables. Tables copied beside the project (its &quot;parameters&quot; section) can be edited here.</source>
        <translation>项目未列出参数表。复制到项目旁（其“parameters”部分）的参数表可在此编辑。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2. Values with unit and range as the runs read them; an edited row is tagged &lt;i&gt;user&lt;/i&gt; and its source marked as edited.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2。数值的单位和范围与运行时读取的一致；编辑过的行标记为 &lt;i&gt;user&lt;/i&gt;，其来源注明已编辑。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No problems: the runs will read this table as shown.</source>
        <translation>没有问题：运行时将按所示内容读取此表。</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::ParcelSeriesView</name>
    <message>
        <location filename="../app/gui/ParcelSeriesView.cpp" line="+43"/>
        <location line="+89"/>
        <source>NDVI</source>
        <translation>NDVI</translation>
    </message>
    <message>
        <location line="-88"/>
        <location line="+159"/>
        <source>Land cover</source>
        <translation>土地覆盖</translation>
    </message>
    <message>
        <location line="-149"/>
        <source>Click a parcel on the map (Pan tool) to chart its NDVI and land cover through the dates.</source>
        <translation>在地图上单击地块（平移工具），即可绘制其各期 NDVI 与土地覆盖。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Mean NDVI</source>
        <translation>NDVI 均值</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Year (%n date(s) without valid cells)</source>
        <translation>
            <numerusform>年份（%n 期无有效像元）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NDVI (mean over the parcel)</source>
        <translation>NDVI（地块均值）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>NDVI: the project has no dated NDVI rasters</source>
        <translation>NDVI：项目中没有逐期 NDVI 栅格</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Other classes</source>
        <translation>其他类别</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Share of the parcel&apos;s valid area</source>
        <translation>占地块有效面积比例</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Land cover: the project has no dated land-cover rasters</source>
        <translation>土地覆盖：项目中没有逐期土地覆盖栅格</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::PlanDialog</name>
    <message>
        <location filename="../app/gui/PlanDialog.cpp" line="+71"/>
        <source>Restoration Plans</source>
        <translation>修复规划</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New Plan…</source>
        <translation>新建规划…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove Plan</source>
        <translation>删除规划</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plans</source>
        <translation>规划</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Default (latest start year + 10)</source>
        <translation>默认（最晚起始年 + 10）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target ecosystem</source>
        <translation>目标生态系统</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start year</source>
        <translation>起始年</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Add Selected Parcels</source>
        <translation>添加所选地块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adds the parcels selected on the map as a change: they take the target ecosystem from the start year on.</source>
        <translation>将地图上选中的地块添加为一项变更：自起始年起转为目标生态系统。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import Plan Layer…</source>
        <translation>导入规划图层…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adds a polygon file whose features are the planted parcels (e.g. new planting areas drawn in another GIS) as a change: they take the target ecosystem from the start year on.</source>
        <translation>将一个面图层文件（如在其他 GIS 中绘制的新造林区域）作为一项变更加入：其要素即规划地块，自起始年起变为目标生态系统。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove Change</source>
        <translation>删除变更</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From:</source>
        <translation>起始：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Description:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Horizon year:</source>
        <translation>评估年：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save to Project</source>
        <translation>保存到项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run Plan…</source>
        <translation>运行规划…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the plans, then run the current plan against the baseline (carbon and GEP) in the background</source>
        <translation>保存规划后，在后台运行当前规划与基线的对比（碳与 GEP）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>New Plan</source>
        <translation>新建规划</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the plan:</source>
        <translation>规划名称：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A plan needs a name that no other plan has.</source>
        <translation>规划需要一个与其他规划不同的名称。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import Plan Layer</source>
        <translation>导入规划图层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Polygon layers (*.gpkg *.shp *.geojson *.json *.kml *.gml);;All files (*)</source>
        <translation>面图层 (*.gpkg *.shp *.geojson *.json *.kml *.gml);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+76"/>
        <location line="+51"/>
        <source>Add a plan first.</source>
        <translation>请先添加规划。</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Select parcels on the map first (a parcel layer of the project).</source>
        <translation>请先在地图上选择地块（项目的地块图层）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The selection is not on a parcel layer of the project&apos;s carbon run.</source>
        <translation>所选要素不在项目碳核算的地块图层上。</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>Added %n parcel(s).</source>
        <translation>
            <numerusform>已添加 %n 个地块。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Added the features of %1.</source>
        <translation>已加入 %1 的要素。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose or add a plan first.</source>
        <translation>请先选择或添加一个规划。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mend the plan&apos;s problems below before running it.</source>
        <translation>请先修正下方列出的规划问题，再运行。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Saved the plans in %1</source>
        <translation>规划已保存到 %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>all features</source>
        <translation>全部要素</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The plan is valid; run it with tanhui-cli plan --plan %1.</source>
        <translation>规划有效；可用 tanhui-cli plan --plan %1 运行。</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::RelocateDialog</name>
    <message>
        <location filename="../app/gui/Workspace.cpp" line="+43"/>
        <source>null</source>
        <translation>null（空值）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>true/false</source>
        <translation>true/false（布尔值）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 must be an object, not %2</source>
        <translation>%1 必须是对象，而不是%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1.%2 is not a known key (known: current, date, groups, layers, removed, view); it is ignored</source>
        <translation>%1.%2 不是已知的键（已知：current、date、groups、layers、removed、view），已忽略</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1.groups must be an array, not %2</source>
        <translation>%1.groups 必须是数组，而不是%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 must be an object with a &quot;name&quot; text; it is ignored</source>
        <translation>%1 必须是含“name”文本的对象，已忽略</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: group &quot;%2&quot; is listed twice; the second is ignored</source>
        <translation>%1：图层组“%2”列出了两次，第二次已忽略</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1.%2 (group &quot;%3&quot;) must be true or false, not %4</source>
        <translation>%1.%2（图层组“%3”）必须为 true 或 false，而不是%4</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1.layers must be an array, not %2</source>
        <translation>%1.layers 必须是数组，而不是%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 must be an object with an &quot;id&quot; text; it is ignored</source>
        <translation>%1 必须是含“id”文本的对象，已忽略</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: layer &quot;%2&quot; is listed twice; the second is ignored</source>
        <translation>%1：图层“%2”列出了两次，第二次已忽略</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1.visible (layer &quot;%2&quot;) must be true or false, not %3</source>
        <translation>%1.visible（图层“%2”）必须是 true 或 false，而不是%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+6"/>
        <source>%1.%2.%3 (layer &quot;%4&quot;); the default style is used</source>
        <translation>%1.%2.%3（图层“%4”）；已使用默认样式</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1.group (layer &quot;%2&quot;): %3 is not a group listed in workspace.groups; the layer is put outside any group</source>
        <translation>%1.group（图层“%2”）：%3 不是 workspace.groups 中列出的图层组，该图层放在所有组之外</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1.removed must be an array of layer ids, not %2</source>
        <translation>%1.removed 必须是图层 ID 数组，而不是%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1.removed: %2 is not a layer id</source>
        <translation>%1.removed：%2 不是图层 ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1.view must be an object, not %2</source>
        <translation>%1.view 必须是对象，而不是%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1.view.crs must be a text such as &quot;EPSG:4547&quot;, not %2</source>
        <translation>%1.view.crs 必须是“EPSG:4547”这样的文本，而不是%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1.view.extent must be [xmin, ymin, xmax, ymax] with xmin &lt; xmax and ymin &lt; ymax; the full extent is shown</source>
        <translation>%1.view.extent 必须是 [xmin, ymin, xmax, ymax]，且 xmin &lt; xmax、ymin &lt; ymax；现显示全图范围</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1.date must be a year such as 2024, not %2</source>
        <translation>%1.date 必须是 2024 这样的年份，而不是 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1.current must be a layer id, not %2</source>
        <translation>%1.current 必须是图层 ID，而不是%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot open the project file %1: %2</source>
        <translation>无法打开工程文件 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The project file %1 is not a JSON object (%2)</source>
        <translation>工程文件 %1 不是 JSON 对象（%2）</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>Relocate Missing Layers</source>
        <translation>重新定位缺失图层</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These layers&apos; files are not where the project expects them. Choose each file, or search a folder for files of the same names; the project then refers to the new places (save it to keep them).</source>
        <translation>以下图层的文件不在工程预期的位置。请逐个选择文件，或在文件夹中搜索同名文件；工程随即改用新位置（保存工程后生效）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expected file</source>
        <translation>预期文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New file</source>
        <translation>新文件</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Find %1</source>
        <translation>查找 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%1);;All files (*)</source>
        <translation>%1 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search in Folder…</source>
        <translation>在文件夹中搜索…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search in Folder</source>
        <translation>在文件夹中搜索</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::ReportDialog</name>
    <message>
        <location filename="../app/gui/ReportDialog.cpp" line="+29"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+65"/>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Folder written by the carbon project run (resultset.json)</source>
        <translation>碳汇项目运行写出的文件夹（含 resultset.json）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: folder written by the GEP run</source>
        <translation>可选：GEP 运行写出的文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>report.pdf or report.html</source>
        <translation>report.pdf 或 report.html</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Carbon results:</source>
        <translation>碳汇结果：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carbon results</source>
        <translation>碳汇结果</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>GEP results:</source>
        <translation>GEP 结果：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEP results</source>
        <translation>GEP 结果</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report file:</source>
        <translation>报告文件：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report file</source>
        <translation>报告文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf);;HTML (*.html)</source>
        <translation>PDF (*.pdf);;HTML (*.html)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::ResultCharts</name>
    <message>
        <location filename="../app/gui/ResultCharts.cpp" line="+47"/>
        <source>Stock by pool</source>
        <translation>按碳库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change by type</source>
        <translation>按类型变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEP by service</source>
        <translation>GEP（按服务）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEP by ecosystem</source>
        <translation>GEP（按生态系统）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Parcel</source>
        <translation>地块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan: carbon</source>
        <translation>规划：碳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan: GEP</source>
        <translation>规划：GEP</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as SVG…</source>
        <translation>导出为 SVG…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>There is nothing to chart.</source>
        <translation>没有可绘制的数据。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Error bars: the 95 % range (2.5th–97.5th percentile of the Monte Carlo iterations).</source>
        <translation>误差线：95% 区间（蒙特卡洛迭代的第 2.5–97.5 百分位数）。</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+50"/>
        <source>No carbon results: run the carbon project analysis or open a project with saved results.</source>
        <translation>没有碳核算结果：请运行碳项目分析，或打开保存了结果的项目。</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>No GEP results: run the GEP analysis or open a project with saved results.</source>
        <translation>没有 GEP 结果：请运行 GEP 核算，或打开保存了结果的项目。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Select a parcel on the map to chart its carbon stock through the dates.</source>
        <translation>在地图上选择一个地块，即可绘制其各年份的碳储量。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No plan results: run a restoration plan (File ▸ Restoration Plans…, Run Plan…).</source>
        <translation>没有规划结果：请运行修复规划（文件 ▸ 修复规划…，运行规划…）。</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Tanhui chart</source>
        <translation>碳汇图表</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot export the chart to %1: the file name must end in .png or .svg.</source>
        <translation>无法将图表导出到 %1：文件名必须以 .png 或 .svg 结尾。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot export the chart to %1: there is no chart to export (%2).</source>
        <translation>无法将图表导出到 %1：没有可导出的图表（%2）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+5"/>
        <location line="+10"/>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::ResultTableModel</name>
    <message>
        <location filename="../app/gui/ResultTableModel.cpp" line="+145"/>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAILED</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>mangrove restoration (§4)</source>
        <translation>红树林恢复种植（§4）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>forest planting (§3.2)</source>
        <translation>森林新造林（§3.2）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 [%2–%3]</source>
        <extracomment>A value with its 95 % bounds, e.g. &quot;12,345.6 [11,020.0–13,880.2]&quot;</extracomment>
        <translation>%1 [%2–%3]</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Parcels not computed</source>
        <translation>未计算地块</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 [95 % bounds]</source>
        <extracomment>Header of a column showing a value with its 95 % bounds</extracomment>
        <translation>%1 [95% 置信区间]</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In brackets: the 95 % bounds (2.5th and 97.5th percentiles of the Monte Carlo run).</source>
        <translation>方括号内为 95% 置信区间（蒙特卡洛模拟的第 2.5 和第 97.5 百分位数）。</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::ResultsDock</name>
    <message>
        <location filename="../app/gui/ResultsDock.cpp" line="+78"/>
        <source>The column the filter searches</source>
        <translation>筛选所搜索的列</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filter… (on a numeric column: &gt; 100, &lt;= 0)</source>
        <translation>筛选…（数值列可用：&gt; 100、&lt;= 0）</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Any text column</source>
        <translation>任一文本列</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 of %2 rows</source>
        <translation>%1 / %2 行</translation>
    </message>
    <message>
        <location line="+69"/>
        <location line="+417"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="-411"/>
        <source>Run:</source>
        <translation>运行：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The result sets loaded: choose the carbon or GEP run to show</source>
        <translation>已加载的结果集：选择要显示的碳汇或 GEP 运行</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add to Map</source>
        <translation>添加到地图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the parcels of the result to the map, styled by a result quantity</source>
        <translation>将结果中的地块添加到地图，并按结果指标分级着色</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Carbon stock density of the last date (t C/ha)</source>
        <translation>末期碳密度（t C/ha）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Carbon stock change (t CO2e/ha)</source>
        <translation>碳储量变化（t CO2e/ha）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEP per hectare (CNY/ha)</source>
        <translation>单位面积 GEP（元/ha）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carbon difference of the plan (t C)</source>
        <translation>规划的碳差值（t C）</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+52"/>
        <source>Parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Totals</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+366"/>
        <location line="+5"/>
        <source>Ledger Check</source>
        <translation>账目核对</translation>
    </message>
    <message>
        <location line="-354"/>
        <source>Role</source>
        <translation>用途</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size (bytes)</source>
        <translation>大小（字节）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRS</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence tag</source>
        <translation>证据标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Values used</source>
        <translation>所用数值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inputs</source>
        <translation>输入数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters Used</source>
        <translation>所用参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>运行设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provenance</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Cannot read the results in %1: %2</source>
        <translation>无法读取 %1 中的结果：%2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The %1 results saved with the project are missing: %2 has no %3. Run the analysis again or move its folder back.</source>
        <translation>项目中保存的 %1 结果缺失：%2 中没有 %3。请重新运行该分析，或将结果文件夹移回原处。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Zonal statistics</source>
        <translation>分区统计</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GEP</source>
        <translation>GEP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carbon</source>
        <translation>碳汇</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in memory</source>
        <translation>内存中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — %2 — %3</source>
        <extracomment>A result set in the Run list: kind, finish time, folder</extracomment>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Zonal statistics run</source>
        <translation>分区统计运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan run</source>
        <translation>规划运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEP run</source>
        <translation>GEP 运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carbon run</source>
        <translation>碳汇运行</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Carbon: parcels</source>
        <translation>碳汇：地块</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carbon by ecosystem type</source>
        <translation>碳汇：按生态系统类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carbon by district</source>
        <translation>碳汇：按行政区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carbon by method</source>
        <translation>碳汇：按核算方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carbon by pool</source>
        <translation>碳汇：按碳库</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Carbon: %1</source>
        <translation>碳汇：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Carbon ledger check</source>
        <translation>碳汇账目核对</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>GEP: parcels of %1</source>
        <translation>GEP：%1 的地块</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GEP: indicators per parcel</source>
        <translation>GEP：各地块指标</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GEP by service</source>
        <translation>GEP：按服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEP by ecosystem type</source>
        <translation>GEP：按生态系统类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEP by district</source>
        <translation>GEP：按行政区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEP by category</source>
        <translation>GEP：按服务类别</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>GEP: all totals</source>
        <translation>GEP：全部汇总</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>GEP ledger check</source>
        <translation>GEP 账目核对</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Plan: carbon difference per parcel</source>
        <translation>规划：各地块碳差值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan: GEP difference per parcel</source>
        <translation>规划：各地块 GEP 差值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan: carbon difference by pool</source>
        <translation>规划：各碳库碳差值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan: GEP difference by service</source>
        <translation>规划：各服务 GEP 差值</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Zonal statistics per parcel</source>
        <translation>各地块分区统计</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Results — %1</source>
        <translation>结果 — %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No ledger check in the shown results.</source>
        <translation>所显示的结果中没有账目核对。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>All %n check(s) passed: the totals add up.</source>
        <translation>
            <numerusform>全部 %n 项核对通过：各项汇总一致。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n of %1 check(s) FAILED: the totals do not add up. First: %2</source>
        <translation>
            <numerusform>%1 项核对中有 %n 项未通过：汇总不一致。首先：%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Ledger Check (%n failed)</source>
        <translation>
            <numerusform>账目核对（%n 项未通过）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No results loaded.</source>
        <translation>未加载结果。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2, analysis %3; started %4, finished %5; project %6</source>
        <translation>%1 %2，分析 %3；开始于 %4，完成于 %5；项目 %6</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1: not a verified value; confirm it before the result is used.</source>
        <translation>%1：非已核实数值；使用结果前请确认。</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::StyleDock</name>
    <message>
        <location filename="../app/gui/StyleDock.cpp" line="+97"/>
        <source>Layer Styling</source>
        <translation>图层样式</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a layer on the map in the Layers panel to style it.</source>
        <translation>请在“图层”面板中选择地图上的图层以设置其样式。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Live update</source>
        <translation>实时更新</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apply every change to the map at once</source>
        <translation>每次修改立即应用到地图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Paletted / unique values</source>
        <translation>调色板/唯一值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Singleband pseudocolor</source>
        <translation>单波段伪彩色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multiband color (RGB)</source>
        <translation>多波段彩色（RGB）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+161"/>
        <source>Render type</source>
        <translation>渲染类型</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>Band</source>
        <translation>波段</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Red band</source>
        <translation>红波段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Green band</source>
        <translation>绿波段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blue band</source>
        <translation>蓝波段</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+178"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="-178"/>
        <source>Class name</source>
        <translation>类别名称</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Untick a class to hide it; double-click its colour to change it</source>
        <translation>取消勾选可隐藏该类别；双击颜色可修改</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Project class table</source>
        <translation>项目分类表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raster colour table</source>
        <translation>栅格颜色表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unique values</source>
        <translation>唯一值</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+177"/>
        <source>Classify</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="-161"/>
        <location line="+181"/>
        <location line="+68"/>
        <source>Class Colour</source>
        <translation>类别颜色</translation>
    </message>
    <message>
        <location line="-237"/>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Min / max</source>
        <translation>最小值/最大值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cumulative count cut</source>
        <translation>累积计数裁剪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Min / max from</source>
        <translation>最小/最大值来源</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compute min and max from the raster (a reduced-resolution read of the band)</source>
        <translation>从栅格计算最小值和最大值（以降低分辨率读取该波段）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cut</source>
        <translation>裁剪范围</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+172"/>
        <source>Invert</source>
        <translation>反转</translation>
    </message>
    <message>
        <location line="-170"/>
        <location line="+174"/>
        <source>Colour ramp</source>
        <translation>渐变色带</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Single symbol</source>
        <translation>单一符号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categorized</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graduated</source>
        <translation>分级</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Value field</source>
        <translation>值字段</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fill colour (click to change)</source>
        <translation>填充颜色（单击修改）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outline colour of every symbol (click to change)</source>
        <translation>所有符号的轮廓颜色（单击修改）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> mm</source>
        <translation> 毫米</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill colour</source>
        <translation>填充颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outline</source>
        <translation>轮廓</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+69"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Double-click a colour to change it, a legend text to edit it</source>
        <translation>双击颜色可修改，双击图例文字可编辑</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>One class per distinct value of the field</source>
        <translation>字段的每个唯一值分为一类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Equal interval</source>
        <translation>等间距</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantile (equal count)</source>
        <translation>分位数（等数量）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Natural breaks (Jenks)</source>
        <translation>自然断点法（Jenks）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mode</source>
        <translation>分级方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Class limits</source>
        <translation>分级界限</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Double-click a colour to change it</source>
        <translation>双击颜色可修改</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Label with</source>
        <translation>标注字段</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Fill Colour</source>
        <translation>填充颜色</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outline Colour</source>
        <translation>轮廓颜色</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>NDVI</source>
        <translation>NDVI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carbon density</source>
        <translation>碳密度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change (diverging)</source>
        <translation>变化（发散色带）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Greys</source>
        <translation>灰度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blues</source>
        <translation>蓝色系</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 is not on the map.</source>
        <translation>%1 不在地图上。</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Band %1</source>
        <translation>波段 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Band %1 (%2)</source>
        <translation>波段 %1（%2）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No-data cells (value %1) are transparent.</source>
        <translation>无数据像元（值 %1）显示为透明。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The band has no no-data value; every cell is drawn.</source>
        <translation>该波段未设置无数据值，所有像元均会绘制。</translation>
    </message>
    <message>
        <location line="+70"/>
        <location line="+229"/>
        <location line="+97"/>
        <source>(no value)</source>
        <translation>（空值）</translation>
    </message>
    <message numerus="yes">
        <location line="-259"/>
        <source>The raster has %n band(s); RGB needs three (a band may be used twice).</source>
        <translation>
            <numerusform>该栅格只有 %n 个波段；RGB 需要三个波段（同一波段可重复使用）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Min and max cannot be computed: %1</source>
        <translation>无法计算最小值和最大值：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The band has no valid cell; min and max are unchanged.</source>
        <translation>该波段没有有效像元，最小值和最大值保持不变。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The project has no class table.</source>
        <translation>项目没有分类表。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Band %1 has no colour table.</source>
        <translation>波段 %1 没有颜色表。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Band %1 has no valid cell.</source>
        <translation>波段 %1 没有有效像元。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Band %1 has more than 256 distinct values; the first 256 are listed. A continuous band reads better as singleband pseudocolor.</source>
        <translation>波段 %1 的唯一值超过 256 个，仅列出前 256 个。连续值波段更适合使用单波段伪彩色。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The layer has no numeric field to grade by.</source>
        <translation>该图层没有可用于分级的数值字段。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The layer has no field to classify by.</source>
        <translation>该图层没有可用于分类的字段。</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n distinct values: a graduated style may read better.</source>
        <translation>
            <numerusform>共 %n 个唯一值：使用分级符号化可能更清晰。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The field %1 has no numeric value.</source>
        <translation>字段 %1 没有数值。</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Only %n class(es): the field has too few distinct values.</source>
        <translation>
            <numerusform>仅有 %n 个类别：该字段的唯一值太少。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Add Class</source>
        <translation>添加类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value of %1 for the new class:</source>
        <translation>新类别的 %1 值：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has a class already.</source>
        <translation>%1 已有对应类别。</translation>
    </message>
</context>
<context>
    <name>tanhui::gui::TimeSeriesDialog</name>
    <message>
        <location filename="../app/gui/TimeSeriesDialog.cpp" line="+23"/>
        <source>metadata (%1)</source>
        <translation>元数据（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>file name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>typed</source>
        <translation>手动输入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none: type the date</source>
        <translation>无：请输入日期</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Make Time Series</source>
        <translation>创建时间序列</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One band per date of %1. Each band is written as a small VRT file beside it (one file per date), so the map and every analysis read the band of its date.</source>
        <translation>%1 的每个波段对应一个日期。每个波段会在该文件旁写成一个小的 VRT 文件（每个日期一个文件），使地图和各项分析读取对应日期的波段。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One file per date. The dates are proposed from the band metadata or the file names; type the others (YYYY or YYYY-MM-DD).</source>
        <translation>每个日期一个文件。日期根据波段元数据或文件名给出建议；其余日期请手动输入（YYYY 或 YYYY-MM-DD）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What the rasters hold:</source>
        <translation>栅格内容：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Band</source>
        <translation>波段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date from</source>
        <translation>日期来源</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>YYYY or YYYY-MM-DD</source>
        <translation>YYYY 或 YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1 band %2</source>
        <translation>%1 第 %2 波段</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2 has a layer of this kind for %3 already; remove it or choose another kind.</source>
        <translation>%1：%2 已是 %3 年的同类图层；请将其移除或选择其他栅格内容。</translation>
    </message>
</context>
</TS>
