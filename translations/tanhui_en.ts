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
    <name>tanhui::gui::MainWindow</name>
    <message numerus="yes">
        <location filename="../app/gui/MainWindow.cpp" line="+431"/>
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
        <location line="+456"/>
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
        <location line="+494"/>
        <source>%n feature(s) selected on %1</source>
        <translation>
            <numerusform>%n feature selected on %1</numerusform>
            <numerusform>%n features selected on %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+493"/>
        <source>%n layer(s) could not be relocated</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Relocated %n layer(s); save the project to keep them</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
</TS>
