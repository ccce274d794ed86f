package byline

// FieldsAtMost exports fieldsAtMost to the tests.
var FieldsAtMost = fieldsAtMost
