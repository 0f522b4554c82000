import Foundation
import Testing
@testable import DigitsKit

@Suite struct DataFolderTests {
    let cwd = URL(fileURLWithPath: "/work/project")
    let home = URL(fileURLWithPath: "/home/ada")

    private func resolve(_ explicit: String?, _ environment: [String: String] = [:],
                         existing: Set<String> = [], withData: Set<String> = []) throws -> String {
        try DataFolder.resolve(explicit: explicit, environment: environment, currentDirectory: cwd, home: home,
                               exists: { existing.contains($0.path) }, holdsData: { withData.contains($0.path) }).path
    }

    @Test func explicitOptionWinsAndIsRelativeToTheCurrentFolder() throws {
        #expect(try resolve("/data/x", ["DIGITS_DATA": "/env"]) == "/data/x")
        #expect(try resolve("sets/mnist") == "/work/project/sets/mnist")
    }

    @Test func environmentComesNext() throws {
        #expect(try resolve(nil, ["DIGITS_DATA": "/env/mnist"], existing: ["/work/project/data/mnist"]) == "/env/mnist")
    }

    @Test func localDataFolderWhenItExists() throws {
        #expect(try resolve(nil, existing: ["/work/project/data/mnist"]) == "/work/project/data/mnist")
    }

    @Test func cacheFolderFollowsXDG() throws {
        #expect(try resolve(nil, withData: ["/home/ada/.cache/digits/mnist"]) == "/home/ada/.cache/digits/mnist")
        #expect(try resolve(nil, ["XDG_CACHE_HOME": "/var/cache/ada"], withData: ["/var/cache/ada/digits/mnist"])
            == "/var/cache/ada/digits/mnist")
    }

    @Test func nothingFoundTellsHowToGetData() {
        #expect {
            try resolve(nil)
        } throws: { error in
            let text = "\(error)"
            return text.contains("digits data download") && text.contains("--data")
                && text.contains("/home/ada/.cache/digits/mnist")
        }
    }

    @Test func downloadFolderDefaultsToEnvironmentThenCache() {
        #expect(DataFolder.downloadFolder(explicit: nil, environment: ["DIGITS_DATA": "/env"], currentDirectory: cwd,
                                          home: home).path == "/env")
        #expect(DataFolder.downloadFolder(explicit: nil, environment: [:], currentDirectory: cwd, home: home).path
            == "/home/ada/.cache/digits/mnist")
        #expect(DataFolder.downloadFolder(explicit: "here", environment: ["DIGITS_DATA": "/env"], currentDirectory: cwd,
                                          home: home).path == "/work/project/here")
    }
}
