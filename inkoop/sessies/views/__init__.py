"""Views of sessions: lists and form (`sessies`), the minutes (`verslag`), input (`inbreng`)."""
