// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Field mapping of parcel layers (issue 13): which field of the user's file holds each attribute the
// analyses read (ProjectLayer::fields, "species_group" → "优势树种"), suggested from the fields' names
// and values and remembered per layer in the project file. The attributes are those the carbon methods
// require (MethodInfo::requiredFields), the forest route and soil options read, and GEP's id and type.
#include "models/project/Project.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace tanhui::models::carbon {

/// @brief An attribute an analysis reads from a parcel layer.
struct FieldAttribute {
    QString key;       ///< the semantic name in ProjectLayer::fields, e.g. "volume_m3_per_ha"
    const char* label; ///< English, translatable in context "FieldAttribute" (QT_TRANSLATE_NOOP)
    const char* help;  ///< English: what it holds and who reads it (context "FieldAttribute")
    QStringList roles; ///< layer roles it applies to (empty: every parcel layer role)
    QStringList names; ///< field names that suggest it (compared without case, blanks and '_')
};

/// The attributes, in the order a form lists them.
const std::vector<FieldAttribute>& fieldAttributes();
/// The attributes that apply to a layer of `role`.
std::vector<const FieldAttribute*> fieldAttributesFor(const QString& role);

/// @brief A field of a layer with a sample of its values (as text, distinct, in file order).
struct FieldSample {
    QString name;
    QString typeName; ///< OGR type name ("String", "Integer", "Real", ...)
    QStringList values;
};

/// The fields of project layer `layer` with up to `maxValues` distinct values each, from its first
/// `maxFeatures` features (read in the layer's encoding). Throws GisError naming the file.
std::vector<FieldSample> sampleFields(const Project& project,
                                      const ProjectLayer& layer,
                                      int maxFeatures = 500,
                                      int maxValues = 12);

/// @brief One suggested (or kept) attribute → field pair.
struct FieldSuggestion {
    enum class Basis { Saved, Name, Values };
    QString attribute; ///< FieldAttribute::key
    QString field;     ///< a field of the layer
    Basis basis = Basis::Name;
};

/// Suggests the mapping of a layer of `role` with `fields`: the `saved` pairs whose field exists are kept
/// (basis Saved); every other attribute gets the field whose name matches it best (its key, one of its
/// names, or a field name containing one), else one whose values look like it (origin words, species,
/// crops, land classes, years); each field at most once, the strongest match first. Attributes
/// without a plausible field are left out.
std::vector<FieldSuggestion> suggestFieldMapping(const QString& role,
                                                 const std::vector<FieldSample>& fields,
                                                 const QMap<QString, QString>& saved);

} // namespace tanhui::models::carbon
