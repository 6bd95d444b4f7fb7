x = R"raw"
