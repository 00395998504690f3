#pragma once

#include <QString>
#include <QStringList>

namespace gc::demo {

// Word pools for the demo county's names, after the patterns real counties use.
QStringList streetStems();    // 振兴, 临江 … (+街道 / 镇 / 乡)
QStringList placeWordsA();    // first syllables of community and village names
QStringList placeWordsB();    // second syllables
QStringList surnames();       // common Chinese surnames, most frequent first
QStringList givenNameChars(); // characters for given names

struct DemoDepartment {
    const char* code;
    const char* name;
    const char* group; // parent department code
};
// Departments of a county, with the codes the category routing table refers to.
QList<DemoDepartment> countyDepartments();

} // namespace gc::demo
