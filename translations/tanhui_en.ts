<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>MetadataFormatter</name>
    <message numerus="yes">
        <location filename="../app/gui/MetadataFormatter.cpp" line="+271"/>
        <source>(one of %n layers in this file)</source>
        <translation>
            <numerusform>(the only layer in this file)</numerusform>
            <numerusform>(one of %n layers in this file)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeSeries</name>
    <message numerus="yes">
        <location filename="../models/TimeSeries.cpp" line="+181"/>
        <source>%1 has %n band(s); a series of several files takes one band per file (one file per date). Make a multiband file a series on its own (one band per date).</source>
        <translation>
            <numerusform>%1 has %n band; a series of several files takes one band per file (one file per date). Make a multiband file a series on its own (one band per date).</numerusform>
            <numerusform>%1 has %n bands; a series of several files takes one band per file (one file per date). Make a multiband file a series on its own (one band per date).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tanhui::gui::AnalysisDialog</name>
    <message numerus="yes">
        <location filename="../app/gui/AnalysisDialog.cpp" line="+622"/>
        <source>%n problem(s) must be fixed before the analysis can run.</source>
        <translation>
            <numerusform>%n problem must be fixed before the analysis can run.</numerusform>
            <numerusform>%n problems must be fixed before the analysis can run.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Ready to run, with %n warning(s) to read.</source>
        <translation>
            <numerusform>Ready to run, with %n warning to read.</numerusform>
            <numerusform>Ready to run, with %n warnings to read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tanhui::gui::JobsDock</name>
    <message numerus="yes">
        <location filename="../app/gui/JobsDock.cpp" line="+232"/>
        <source>%n file(s) in %1</source>
        <translation>
            <numerusform>%n file in %1</numerusform>
            <numerusform>%n files in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n queued</source>
        <translation>
            <numerusform>%n queued</numerusform>
            <numerusform>%n queued</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tanhui::gui::MainWindow</name>
    <message numerus="yes">
        <location filename="../app/gui/MainWindow.cpp" line="+623"/>
        <source>Made the time series %1 (%n date(s))</source>
        <translation>
            <numerusform>Made the time series %1 (%n date)</numerusform>
            <numerusform>Made the time series %1 (%n dates)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+62"/>
        <source>… %n more</source>
        <translation>
            <numerusform>… %n more</numerusform>
            <numerusform>… %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+78"/>
        <source>Identified %n layer(s) at the clicked point</source>
        <translation>
            <numerusform>Identified %n layer at the clicked point</numerusform>
            <numerusform>Identified %n layers at the clicked point</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+601"/>
        <source>The project %1 has %n problem(s); the other layers were loaded.</source>
        <translation>
            <numerusform>The project %1 has a problem; the other layers were loaded.</numerusform>
            <numerusform>The project %1 has %n problems; the other layers were loaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+99"/>
        <source>%1 contains %n layers. Layer to add:</source>
        <translation>
            <numerusform>%1 contains %n layer. Layer to add:</numerusform>
            <numerusform>%1 contains %n layers. Layer to add:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+303"/>
        <source>%n large raster(s) have no overviews, so every full view reads all their cells:

%1

Build overviews now (a .ovr file beside each raster; the rasters themselves are not changed)?</source>
        <translation>
            <numerusform>%n large raster has no overviews, so every full view reads all its cells:

%1

Build overviews now (a .ovr file beside the raster; the raster itself is not changed)?</numerusform>
            <numerusform>%n large rasters have no overviews, so every full view reads all their cells:

%1

Build overviews now (a .ovr file beside each raster; the rasters themselves are not changed)?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+66"/>
        <source>Built the overviews of %n raster(s)</source>
        <translation>
            <numerusform>Built the overviews of %n raster</numerusform>
            <numerusform>Built the overviews of %n rasters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+250"/>
        <source>%n feature(s) selected on %1</source>
        <translation>
            <numerusform>%n feature selected on %1</numerusform>
            <numerusform>%n features selected on %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+427"/>
        <source>%n analysis(es) are still running or queued. Quitting cancels them; their output folders stay as they were before the run.

Cancel them and quit?</source>
        <translation>
            <numerusform>%n analysis is still running or queued. Quitting cancels it; its output folder stays as it was before the run.

Cancel it and quit?</numerusform>
            <numerusform>%n analyses are still running or queued. Quitting cancels them; their output folders stay as they were before the run.

Cancel them and quit?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+113"/>
        <source>%n layer(s) could not be relocated</source>
        <translation>
            <numerusform>%n layer could not be relocated</numerusform>
            <numerusform>%n layers could not be relocated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Relocated %n layer(s); save the project to keep them</source>
        <translation>
            <numerusform>Relocated %n layer; save the project to keep it</numerusform>
            <numerusform>Relocated %n layers; save the project to keep them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tanhui::gui::ParcelSeriesView</name>
    <message numerus="yes">
        <location filename="../app/gui/ParcelSeriesView.cpp" line="+112"/>
        <source>Year (%n date(s) without valid cells)</source>
        <translation>
            <numerusform>Year (%n date without valid cells)</numerusform>
            <numerusform>Year (%n dates without valid cells)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tanhui::gui::PlanDialog</name>
    <message numerus="yes">
        <location filename="../app/gui/PlanDialog.cpp" line="+289"/>
        <source>Added %n parcel(s).</source>
        <translation>
            <numerusform>Added %n parcel.</numerusform>
            <numerusform>Added %n parcels.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tanhui::gui::ResultsDock</name>
    <message numerus="yes">
        <location filename="../app/gui/ResultsDock.cpp" line="+711"/>
        <source>All %n check(s) passed: the totals add up.</source>
        <translation>
            <numerusform>The %n check passed: the totals add up.</numerusform>
            <numerusform>All %n checks passed: the totals add up.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n of %1 check(s) FAILED: the totals do not add up. First: %2</source>
        <translation>
            <numerusform>%n of %1 checks FAILED: the totals do not add up. First: %2</numerusform>
            <numerusform>%n of %1 checks FAILED: the totals do not add up. First: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Ledger Check (%n failed)</source>
        <translation>
            <numerusform>Ledger Check (%n failed)</numerusform>
            <numerusform>Ledger Check (%n failed)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tanhui::gui::StyleDock</name>
    <message numerus="yes">
        <location filename="../app/gui/StyleDock.cpp" line="+870"/>
        <source>The raster has %n band(s); RGB needs three (a band may be used twice).</source>
        <translation>
            <numerusform>The raster has %n band; RGB needs three (a band may be used twice).</numerusform>
            <numerusform>The raster has %n bands; RGB needs three (a band may be used twice).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+164"/>
        <source>%n distinct values: a graduated style may read better.</source>
        <translation>
            <numerusform>%n distinct value: a graduated style may read better.</numerusform>
            <numerusform>%n distinct values: a graduated style may read better.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>Only %n class(es): the field has too few distinct values.</source>
        <translation>
            <numerusform>Only %n class: the field has too few distinct values.</numerusform>
            <numerusform>Only %n classes: the field has too few distinct values.</numerusform>
        </translation>
    </message>
</context>
</TS>
