<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>MetadataFormatter</name>
    <message numerus="yes">
        <location filename="../app/gui/MetadataFormatter.cpp" line="+269"/>
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
        <location filename="../app/gui/MainWindow.cpp" line="+273"/>
        <source>%1 contains %n layers. Layer to add:</source>
        <translation>
            <numerusform>%1 contains %n layer. Layer to add:</numerusform>
            <numerusform>%1 contains %n layers. Layer to add:</numerusform>
        </translation>
    </message>
</context>
</TS>
