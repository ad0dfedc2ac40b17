<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AppStatusBar</name>
    <message numerus="yes">
        <source>%n change(s) to sync</source>
        <translation>
            <numerusform>%n change to sync</numerusform>
            <numerusform>%n changes to sync</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CourseCard</name>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n rating</numerusform>
            <numerusform>%n ratings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s)</source>
        <translation>
            <numerusform>%n learner</numerusform>
            <numerusform>%n learners</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CourseView</name>
    <message numerus="yes">
        <source>%n lesson(s)</source>
        <translation>
            <numerusform>%n lesson</numerusform>
            <numerusform>%n lessons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n section</numerusform>
            <numerusform>%n sections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s)</source>
        <translation>
            <numerusform>%n learner</numerusform>
            <numerusform>%n learners</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n rating</numerusform>
            <numerusform>%n ratings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message numerus="yes">
        <source>Active %n hour(s) ago</source>
        <translation>
            <numerusform>Active %n hour ago</numerusform>
            <numerusform>Active %n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Active %n day(s) ago</source>
        <translation>
            <numerusform>Active %n day ago</numerusform>
            <numerusform>Active %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n course(s)</source>
        <translation>
            <numerusform>%n course</numerusform>
            <numerusform>%n courses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of %n section(s)</source>
        <translation>
            <numerusform>{0} of %n section</numerusform>
            <numerusform>{0} of %n sections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DownloadsView</name>
    <message numerus="yes">
        <source>%n course(s) kept for offline use, {0}</source>
        <translation>
            <numerusform>%n course kept for offline use, {0}</numerusform>
            <numerusform>%n courses kept for offline use, {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Offline</name>
    <message numerus="yes">
        <source>The list of changes waiting to be sent was damaged. Recovered: %n.</source>
        <translation>
            <numerusform>The list of changes waiting to be sent was damaged. Recovered: %n.</numerusform>
            <numerusform>The list of changes waiting to be sent was damaged. Recovered: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not be recovered: %n.</source>
        <translation>
            <numerusform>Could not be recovered: %n.</numerusform>
            <numerusform>Could not be recovered: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n change needs attention</source>
        <translation>
            <numerusform>⚠ %n change needs attention</numerusform>
            <numerusform>⚠ %n changes need attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n changes need attention</source>
        <translation>
            <numerusform>⚠ %n change needs attention</numerusform>
            <numerusform>⚠ %n changes need attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n change waiting to sync</numerusform>
            <numerusform>%n changes waiting to sync</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message numerus="yes">
        <source>%n course(s)</source>
        <translation>
            <numerusform>%n course</numerusform>
            <numerusform>%n courses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>{0} MB on disk, %n item(s) in memory</source>
        <translation>
            <numerusform>{0} MB on disk, %n item in memory</numerusform>
            <numerusform>{0} MB on disk, %n items in memory</numerusform>
        </translation>
    </message>
</context>
</TS>
